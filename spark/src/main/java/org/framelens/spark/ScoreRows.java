package org.framelens.spark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.framelens.DeviceScore;
import org.framelens.DocumentScore;
import org.framelens.FramingDevice;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;
import scala.collection.JavaConverters;

/**
 * The Spark schema of a score and the conversion of {@link SentenceScore} and {@link DocumentScore} to rows. The one
 * place that decides what a score looks like in Spark, shared by the transformer and the SQL function.
 *
 * <p>Collections are returned as Scala collections because Spark's row encoder rejects {@code java.util} ones.
 */
final class ScoreRows {
    static final StructType PHRASE = new StructType(new StructField[] {
            DataTypes.createStructField("start", DataTypes.IntegerType, false),
            DataTypes.createStructField("end", DataTypes.IntegerType, false),
            DataTypes.createStructField("text", DataTypes.StringType, false),
            DataTypes.createStructField("device", DataTypes.StringType, false)});
    static final ArrayType PHRASES = DataTypes.createArrayType(PHRASE, false);
    static final MapType DEVICES = DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false);

    /** Sentence mode: the whole cell is scored as one sentence. */
    static final StructType SENTENCE = new StructType(new StructField[] {
            DataTypes.createStructField("probability", DataTypes.DoubleType, false),
            DataTypes.createStructField("label", DataTypes.BooleanType, false),
            DataTypes.createStructField("phrases", PHRASES, false),
            DataTypes.createStructField("devices", DEVICES, false)});

    static final StructType SENTENCE_SUMMARY = new StructType(new StructField[] {
            DataTypes.createStructField("start", DataTypes.IntegerType, false),
            DataTypes.createStructField("end", DataTypes.IntegerType, false),
            DataTypes.createStructField("probability", DataTypes.DoubleType, false),
            DataTypes.createStructField("label", DataTypes.BooleanType, false)});

    /** Document mode: the sentence-mode fields aggregated over the document, plus each sentence's summary. */
    static final StructType DOCUMENT = SENTENCE
            .add(DataTypes.createStructField("loadedShare", DataTypes.DoubleType, false))
            .add(DataTypes.createStructField("sentences", DataTypes.createArrayType(SENTENCE_SUMMARY, false), false));

    private ScoreRows() {
    }

    static StructType schema(String mode) {
        return FramingScorerTransformer.MODE_DOCUMENT.equals(mode) ? DOCUMENT : SENTENCE;
    }

    static Row sentence(SentenceScore s) {
        return RowFactory.create(s.probability(), s.loaded(), phrases(s.phrases()), devices(s.devices()));
    }

    /**
     * Document probability and label are those of {@link DocumentScore} (maximum sentence probability; loaded when
     * any sentence is); phrases are every sentence's phrases with document offsets; devices are the maximum
     * probability of each family over the sentences.
     */
    static Row document(DocumentScore d) {
        List<PhraseSpan> phrases = new ArrayList<>();
        Map<FramingDevice, Double> max = new EnumMap<>(FramingDevice.class);
        List<Row> sentences = new ArrayList<>(d.sentences().size());
        for (SentenceScore s : d.sentences()) {
            phrases.addAll(s.phrases());
            for (DeviceScore ds : s.devices()) {
                max.merge(ds.device(), ds.probability(), Math::max);
            }
            sentences.add(RowFactory.create(s.start(), s.end(), s.probability(), s.loaded()));
        }
        List<DeviceScore> devices = new ArrayList<>();
        max.forEach((device, p) -> devices.add(new DeviceScore(device, p)));
        return RowFactory.create(d.probability(), !d.loadedSentences().isEmpty(), phrases(phrases),
                devices(devices), d.loadedShare(), seq(sentences));
    }

    private static Object phrases(List<PhraseSpan> phrases) {
        List<Row> rows = new ArrayList<>(phrases.size());
        for (PhraseSpan p : phrases) {
            rows.add(RowFactory.create(p.start(), p.end(), p.text(), p.device().code()));
        }
        return seq(rows);
    }

    private static Object devices(List<DeviceScore> devices) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (DeviceScore d : devices) {
            m.put(d.device().code(), d.probability());
        }
        return JavaConverters.mapAsScalaMap(m);
    }

    private static Object seq(List<Row> rows) {
        return JavaConverters.asScalaBuffer(rows).toList();
    }
}
