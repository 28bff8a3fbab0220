package dk.samspil.directory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads an uploaded text file the way the regions and clusters deliver them: UTF-8 with or without a byte order
 * mark, or ISO-8859-1 when the bytes are not valid UTF-8. Binary content (a NUL byte) is not text.
 */
final class TextFiles {

    private TextFiles() {}

    static Optional<String> decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.of(new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1));
        }
    }
}
