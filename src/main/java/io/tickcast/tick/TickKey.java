package io.tickcast.tick;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The key of a {@code ticks} record as text, losslessly: a key of UTF-8 text is that text; any other key (bytes that
 * are not UTF-8, or text that starts with NUL) is NUL followed by its bytes as ISO-8859-1 characters, one per byte.
 * Such a key is never a valid symbol ({@link Tick#symbolProblem}), so the tick is rejected, and {@link #bytes} gives
 * the dead-letter topic the key's original bytes.
 */
public final class TickKey {

    /** Starts the text of a key that is not UTF-8 text. */
    public static final char RAW = '\u0000';

    private TickKey() {
    }

    /** @return the key's text, null for no key */
    public static String text(byte[] key) {
        if (key == null) {
            return null;
        }
        if (isPlainAscii(key)) {
            return new String(key, StandardCharsets.US_ASCII); // every symbol seen in practice: no decoder needed
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
            if (text.isEmpty() || text.charAt(0) != RAW) {
                return text;
            }
        } catch (CharacterCodingException e) {
            // not UTF-8: kept as its bytes below
        }
        return RAW + new String(key, StandardCharsets.ISO_8859_1);
    }

    private static boolean isPlainAscii(byte[] key) {
        if (key.length > 0 && key[0] == 0) {
            return false;
        }
        for (byte b : key) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the original bytes of a key {@link #text} gave, null for no key */
    public static byte[] bytes(String text) {
        if (text == null) {
            return null;
        }
        return isRaw(text) ? text.substring(1).getBytes(StandardCharsets.ISO_8859_1)
                : text.getBytes(StandardCharsets.UTF_8);
    }

    /** @return whether the key was not UTF-8 text */
    public static boolean isRaw(String text) {
        return !text.isEmpty() && text.charAt(0) == RAW;
    }
}
