package org.framelens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a text argument ({@code FILE} or {@code -} for stdin) as UTF-8, refusing what is not text. */
final class InputText {
    /** Larger inputs are refused rather than risking the heap (score such corpora with the API in chunks). */
    static final long MAX_BYTES = 64L << 20;

    private InputText() {
    }

    static String read(String name, InputStream stdin) throws IOException {
        byte[] bytes;
        if ("-".equals(name)) {
            bytes = stdin.readNBytes((int) MAX_BYTES + 1);
        } else {
            Path p = Path.of(name);
            if (Files.isDirectory(p)) {
                throw new CliException(name + " is a directory, not a text file");
            }
            try {
                if (Files.size(p) > MAX_BYTES) {
                    throw new CliException(name + " is larger than " + (MAX_BYTES >> 20) + " MB");
                }
                bytes = Files.readAllBytes(p);
            } catch (NoSuchFileException e) {
                throw new CliException(name + ": no such file");
            } catch (AccessDeniedException e) {
                throw new CliException(name + ": permission denied");
            }
        }
        if (bytes.length > MAX_BYTES) {
            throw new CliException(name + " is larger than " + (MAX_BYTES >> 20) + " MB");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new CliException(name + " looks like a binary file (it contains NUL bytes); expected UTF-8 text");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CliException(name + " is not valid UTF-8 text");
        }
    }
}
