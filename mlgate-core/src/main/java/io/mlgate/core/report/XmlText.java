package io.mlgate.core.report;

/** Escaping for hand-written XML 1.0: markup characters escaped, characters XML cannot carry dropped. */
final class XmlText {
    private XmlText() {
    }

    /** Escapes an attribute value: line breaks become character references so parsers keep them. */
    static String attribute(String value) {
        return escape(value, true);
    }

    /** Escapes element content; line breaks and tabs stay as they are. */
    static String text(String value) {
        return escape(value, false);
    }

    private static String escape(String value, boolean attribute) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append(attribute ? "&#13;" : "\r");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (isXmlChar(cp)) {
                        out.appendCodePoint(cp);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean isXmlChar(int cp) {
        return cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
