package dk.samspil.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Checks that an action that cannot be undone asks first: its form's only submit button is behind a question. */
public final class Confirmations {

    private Confirmations() {}

    /** The form posting to an address ending in {@code action} submits only from inside its opened confirm step. */
    public static void assertAsksFirst(String html, String action, String question) {
        Element form = Jsoup.parse(html).select("form[action$=" + action + "]").first();
        assertThat(form).as("a form posting to …" + action).isNotNull();
        assertThat(form.select("button[type=submit], input[type=submit]"))
                .as(action + ": one submit button")
                .hasSize(1)
                .allSatisfy(button -> assertThat(button.closest("details.samspil-confirm"))
                        .as(action + ": behind the question")
                        .isNotNull());
        Element details = form.selectFirst("details.samspil-confirm");
        assertThat(details.hasAttr("open")).as(action + ": closed until asked").isFalse();
        assertThat(details.selectFirst("summary")).isNotNull();
        assertThat(details.text()).contains(question);
    }
}
