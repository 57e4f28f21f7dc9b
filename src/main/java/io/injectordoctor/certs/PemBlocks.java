package io.injectordoctor.certs;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits PEM text into blocks. Only CERTIFICATE blocks are base64-decoded; the body of any other
 * block (a private key, above all) is skipped unread, so key material never reaches memory as bytes.
 */
final class PemBlocks {
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    static final String CERTIFICATE = "CERTIFICATE";

    /**
     * One block. {@code der} is set only for a CERTIFICATE whose body decoded; {@code malformed}
     * says why a block could not be used (no END line, bad base64), or is null.
     */
    @SuppressWarnings("ArrayRecordComponent") // never compared: the DER is parsed as it is
    record Block(String type, byte[] der, String malformed) {
        boolean certificate() {
            return CERTIFICATE.equals(type);
        }
    }

    private PemBlocks() {
    }

    static boolean looksLikePem(String text) {
        return text != null && BEGIN.matcher(text).find();
    }

    static List<Block> scan(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BEGIN.matcher(text);
        int from = 0;
        while (m.find(from)) {
            String type = m.group(1);
            String endLine = "-----END " + type + "-----";
            int end = text.indexOf(endLine, m.end());
            if (end < 0) {
                blocks.add(new Block(type, null, "no '" + endLine + "' line"));
                break;
            }
            if (CERTIFICATE.equals(type)) {
                blocks.add(decode(type, text.substring(m.end(), end)));
            } else {
                blocks.add(new Block(type, null, null));
            }
            from = end + endLine.length();
        }
        return blocks;
    }

    private static Block decode(String type, String body) {
        if (body.contains(":")) {
            // Go's pem package and client-go skip certificate blocks that carry headers.
            return new Block(type, null, "the block has PEM headers");
        }
        try {
            return new Block(type, Base64.getDecoder().decode(strictBody(body)), null);
        } catch (IllegalArgumentException e) {
            return new Block(type, null, "the block's body is not base64: " + e.getMessage());
        }
    }

    private static String strictBody(String body) {
        String compact = body.replaceAll("\\s", "");
        if (!compact.matches("[A-Za-z0-9+/]*={0,2}")) {
            throw new IllegalArgumentException("unexpected character");
        }
        return compact;
    }
}
