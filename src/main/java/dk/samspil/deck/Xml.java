package dk.samspil.deck;

final class Xml {

    private Xml() {}

    /** Text for an XML element's content. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
