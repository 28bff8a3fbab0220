package dk.samspil.platform;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The Danish texts of one message bundle for code that writes files rather than pages (the slides, the Word
 * documents), where no request and no {@code MessageSource} is at hand. As Spring's message source does: a text
 * without arguments is used as written, one with arguments is a {@link MessageFormat} pattern ({@code ''} for an
 * apostrophe).
 */
public final class BundleTexts {

    public static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private final ResourceBundle bundle;

    private BundleTexts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** @param basename e.g. {@code i18n/deck} (its {@code _da} file holds the texts) */
    public static BundleTexts of(String basename) {
        return new BundleTexts(ResourceBundle.getBundle(basename, DANISH));
    }

    /** @throws java.util.MissingResourceException when the bundle has no such key (a test finds it at once) */
    public String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, DANISH).format(args);
    }

    /** The texts {@code key.1} … {@code key.count}, in order. */
    public List<String> texts(String key, int count) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            texts.add(text(key + "." + i));
        }
        return List.copyOf(texts);
    }
}
