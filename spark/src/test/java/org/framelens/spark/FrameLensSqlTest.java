package org.framelens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class FrameLensSqlTest {
    @Test
    void sqlFunctionGivesTheTransformerResults() {
        SparkSession spark = SparkTestSession.get();
        FrameLensSql.register(spark);
        FramingScorerTransformerTest.input(spark).createOrReplaceTempView("sentences");
        Map<String, Row> sql = FramingScorerTransformerTest.byId(
                spark.sql("SELECT id, framelens_score(text) AS framelens FROM sentences"), "framelens");
        Map<String, Row> transformer = FramingScorerTransformerTest.byId(
                new FramingScorerTransformer().transform(FramingScorerTransformerTest.input(spark)), "framelens");
        assertEquals(transformer, sql);
        assertNull(sql.get("null"));
        Row r = spark.sql("SELECT framelens_score('Moscow cannot withstand its red lines being broken.').label")
                .first();
        assertEquals(transformer.get("s0").getBoolean(1), r.getBoolean(0));
    }
}
