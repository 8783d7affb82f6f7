package org.framelens.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.framelens.TrainingDataException;

/** Reads the project corpus strictly: an unknown or missing field is an error with file and line. */
public final class ProjectCorpus {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private ProjectCorpus() {
    }

    /** Reads every record; the first malformed line throws {@link TrainingDataException}. */
    public static List<CorpusRecord> read(Path file) throws IOException {
        List<CorpusRecord> out = new ArrayList<>();
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readValue(line, CorpusRecord.class));
                } catch (IOException e) {
                    throw new TrainingDataException(file.toString(), n, "malformed corpus record: "
                            + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            // without this the user sees only "Input length = 1", with neither file nor line
            throw new TrainingDataException(file.toString(), n + 1, "the file is not valid UTF-8; re-save it as UTF-8");
        }
        return out;
    }
}
