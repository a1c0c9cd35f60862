package dev.holdfast.inventory.domain;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The characters of an uploaded CSV file: UTF-8 with or without a byte order mark, UTF-16 with one, and
 * Windows-1252 when the bytes are not valid UTF-8 (what Excel on Windows and old Mac exports write).
 */
record CsvText(Charset charset, int offset, byte[] bytes) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static CsvText of(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new CsvText(StandardCharsets.UTF_8, 3, bytes);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new CsvText(StandardCharsets.UTF_16LE, 2, bytes);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new CsvText(StandardCharsets.UTF_16BE, 2, bytes);
        }
        return new CsvText(isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0, bytes);
    }

    Reader reader() {
        return new InputStreamReader(new ByteArrayInputStream(bytes, offset, bytes.length - offset), charset);
    }

    /** The separator of the header line: comma unless semicolons or tabs outnumber commas (European Excel). */
    char delimiter() {
        int length = Math.min(bytes.length - offset, 1 << 16);
        String head = new String(bytes, offset, length, charset);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < head.length(); i++) {
            char ch = head.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\r' || ch == '\n')) {
                break;
            } else if (!quoted) {
                commas += ch == ',' ? 1 : 0;
                semicolons += ch == ';' ? 1 : 0;
                tabs += ch == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** Checks validity in slices, without holding the decoded text. */
    static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        try {
            while (true) {
                var result = decoder.decode(in, out, true);
                if (result.isError()) {
                    result.throwException();
                }
                out.clear();
                if (result.isUnderflow()) {
                    break;
                }
            }
            while (decoder.flush(out).isOverflow()) {
                out.clear();
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
