package dk.samspil.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.DemoUsers;
import dk.samspil.TestMailServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Care pathways made the way their authors and approvers make them: through the pages and the mailed links. */
final class PathwayFixtures {

    static final String OWNER = "pko";
    static final Pattern LINK = Pattern.compile("/forloeb-godkendelse/(\\d+)/([A-Za-z0-9_-]{43})");

    private final NewsletterFixtures http;
    private final JdbcClient jdbc;

    PathwayFixtures(MockMvc mvc, DemoUsers users, JdbcClient jdbc) {
        this.http = new NewsletterFixtures(mvc, users, jdbc);
        this.jdbc = jdbc;
    }

    static Map<String, String> form(String patientGroup) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("patientGroup", patientGroup);
        form.put("specialty", "Specialråd for kardiologi");
        form.put("reviewDate", NewsletterFixtures.today().plusYears(2).toString());
        form.put("background", "# Forekomst\nAtrieflimren er hyppigt.\n- Ca. 2 % af voksne\n- Stiger med alderen");
        form.put("workup", "EKG og blodprøver i almen praksis.\nSe https://www.sundhed.dk/vejledning.");
        form.put("referral", "Henvis ved nyopdaget atrieflimren med symptomer.");
        form.put("treatment", "Behandling i speciallægeregi efter regional vejledning.");
        form.put("followup", "Kontrol hos egen læge efter 3 måneder.");
        return form;
    }

    /** The five approvers, each at its own address (the coordinators at the demo coordinator's). */
    static Map<String, String> chain(String marker) {
        Map<String, String> chain = new LinkedHashMap<>();
        chain.put("SPECIALRAAD-name", "Formand Søren Specialråd");
        chain.put("SPECIALRAAD-email", "specialraad-" + marker + "@example.dk");
        chain.put("COORDINATORS-name", "Pia Praksiskoordinator");
        chain.put("COORDINATORS-email", "pkokoordinator@example.dk");
        chain.put("PLO_M-name", "PLO-M sekretariatet");
        chain.put("PLO_M-email", "plom-" + marker + "@example.dk");
        chain.put("REGION-name", "Regionens sundhedsplanlægning");
        chain.put("REGION-email", "region-" + marker + "@example.dk");
        return chain;
    }

    MvcResult post(String path, Map<String, String> params, String user) throws Exception {
        return http.post(path, params, user);
    }

    long create(Map<String, String> form) throws Exception {
        MvcResult result = post("/forloebsbeskrivelser", form, OWNER);
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(302);
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    void edit(long id, Map<String, String> form) throws Exception {
        Map<String, String> params = new LinkedHashMap<>(form);
        params.put("baseVersion", Integer.toString(field(id, "version")));
        MvcResult result = post("/forloebsbeskrivelser/" + id + "/rediger", params, OWNER);
        assertThat(result.getResponse().getRedirectedUrl())
                .as(result.getResponse().getContentAsString())
                .isEqualTo("/forloebsbeskrivelser/" + id);
    }

    MvcResult startChain(long id, Map<String, String> chain) throws Exception {
        return post("/forloebsbeskrivelser/" + id + "/godkendelse", chain, OWNER);
    }

    /** The link in the nth approval mail for this patient group to this address. */
    static String link(String email, String patientGroup, int nth) {
        var mails = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestMailServer.received(email).stream()
                                .filter(m -> TestMailServer.subject(m)
                                        .equals("Godkendelse af forløbsbeskrivelse: " + patientGroup))
                                .toList(),
                        list -> list.size() >= nth);
        Matcher link = LINK.matcher(TestMailServer.text(mails.get(nth - 1)));
        assertThat(link.find()).isTrue();
        return link.group();
    }

    MvcResult answer(String link, String decision, String name, String comment) throws Exception {
        return http.answerByLink(link, decision, name, comment);
    }

    String status(long id) {
        return jdbc.sql("SELECT status FROM publishing_pathway WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    int field(long id, String column) {
        return jdbc.sql("SELECT coalesce(" + column + ", 0) FROM publishing_pathway WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    long approvalId(long id, int round, String party) {
        return jdbc.sql("SELECT id FROM publishing_pathway_approval WHERE pathway_id = ? AND round = ? AND party = ?")
                .params(id, round, party)
                .query(Long.class)
                .single();
    }
}
