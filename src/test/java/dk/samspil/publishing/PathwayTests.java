package dk.samspil.publishing;

import static dk.samspil.publishing.PathwayFixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** A care pathway from its start through the approval chain to the editors, the public page and the news mail. */
@SamspilTest
class PathwayTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    PathwayFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PathwayFixtures(mvc, users, jdbc);
    }

    @Test
    void aPathwayPassesEveryApprovalAfterARefusalAndARestartAndIsPublishedWithItsNewsRequest() throws Exception {
        String marker = NewsletterFixtures.marker();
        String group = "Voksne med atrieflimren " + marker;
        Map<String, String> form = PathwayFixtures.form(group);
        long id = fixtures.create(form);
        Map<String, String> chain = PathwayFixtures.chain(marker);
        String specialraad = chain.get("SPECIALRAAD-email");
        String plom = chain.get("PLO_M-email");
        String region = chain.get("REGION-email");

        // A new description needs the region too: without it nothing is asked.
        Map<String, String> noRegion = new LinkedHashMap<>(chain);
        noRegion.remove("REGION-name");
        noRegion.remove("REGION-email");
        assertThat(fixtures.startChain(id, noRegion).getFlashMap().get("error"))
                .isEqualTo("publishing.pathway.rule.partyRequired");
        assertThat(fixtures.status(id)).isEqualTo("DRAFT");

        // Round 1: the Specialråd refuses through its link, with its reason; back to the authors.
        assertThat(fixtures.startChain(id, chain).getResponse().getRedirectedUrl())
                .isEqualTo("/forloebsbeskrivelser/" + id);
        assertThat(fixtures.status(id)).isEqualTo("APPROVAL");
        String first = PathwayFixtures.link(specialraad, group, 1);
        assertThat(mvc.perform(get(first)).andReturn().getResponse().getContentAsString())
                .contains("Godkendelse af forløbsbeskrivelse", "Udredning i almen praksis", "<h4>Forekomst</h4>")
                .contains("<a href=\"https://www.sundhed.dk/vejledning\"");
        assertThat(fixtures.answer(first, "REFUSE", "Søren Specialråd", "")
                        .getResponse()
                        .getContentAsString())
                .contains("Skriv, hvorfor teksten afvises");
        fixtures.answer(first, "REFUSE", "Søren Specialråd", "Kontrolbehovet er for uklart.");
        assertThat(fixtures.status(id)).isEqualTo("DRAFT");
        assertThat(TestMailServer.text(
                        TestMailServer.awaitMail("pko@example.dk", "Forløbsbeskrivelsen for " + group + " er afvist")))
                .contains("Kontrolbehovet er for uklart.");
        assertThat(mvc.perform(get(first)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        String plomFirst = PathwayFixtures.link(plom, group, 1);
        assertThat(mvc.perform(get(plomFirst)).andReturn().getResponse().getStatus())
                .isEqualTo(404); // the refused round's other links stop too

        // Round 2: corrected, asked again; the Specialråd approves, then a change restarts the chain (round 3).
        form.put("followup", "Kontrol hos egen læge efter 3 måneder med EKG.");
        fixtures.edit(id, form);
        fixtures.startChain(id, chain);
        String second = PathwayFixtures.link(specialraad, group, 2);
        fixtures.answer(second, "APPROVE", "Søren Specialråd", "");
        form.put("referral", "Henvis ved nyopdaget atrieflimren med symptomer eller CHA2DS2-VASc over 1.");
        fixtures.edit(id, form);
        assertThat(fixtures.field(id, "approval_round")).isEqualTo(3);
        assertThat(fixtures.status(id)).isEqualTo("APPROVAL");
        assertThat(mvc.perform(get(PathwayFixtures.link(plom, group, 2)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        // Round 3: every party approves — the coordinator signed in, the others by link.
        fixtures.answer(PathwayFixtures.link(specialraad, group, 3), "APPROVE", "Søren Specialråd", "");
        fixtures.answer(PathwayFixtures.link(plom, group, 3), "APPROVE", "PLO-M", "Ingen merarbejde.");
        String page = mvc.perform(get("/forloebsbeskrivelser/" + id).with(users.as("pkokoordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Din godkendelse som Praksiskoordinatorerne");
        long mine = fixtures.approvalId(id, 3, "COORDINATORS");
        mvc.perform(post("/forloebsbeskrivelser/" + id + "/godkendelser/" + mine)
                .with(csrf())
                .with(users.as("pkokoordinator"))
                .param("decision", "APPROVE"));
        assertThat(fixtures.status(id)).isEqualTo("APPROVAL");
        fixtures.answer(PathwayFixtures.link(region, group, 3), "APPROVE", "Regionen", "");
        assertThat(fixtures.status(id)).isEqualTo("CURRENT");
        assertThat(fixtures.field(id, "approved_version")).isEqualTo(3);
        TestMailServer.awaitMail("pko@example.dk", "Forløbsbeskrivelsen for " + group + " er regionalt gældende");
        assertThat(jdbc.sql("""
                        SELECT round || ':' || party || ':' || decision || ':' || decided_how FROM publishing_pathway_approval
                        WHERE pathway_id = ? AND decision IS NOT NULL ORDER BY round, party""").param(id).query(String.class).list())
                .containsExactly(
                        "1:SPECIALRAAD:REFUSED:LINK",
                        "2:SPECIALRAAD:APPROVED:LINK",
                        "3:COORDINATORS:APPROVED:SIGNED_IN",
                        "3:PLO_M:APPROVED:LINK",
                        "3:REGION:APPROVED:LINK",
                        "3:SPECIALRAAD:APPROVED:LINK");

        // Not on the public page before it goes to the editors; then with a news mail: a request of the sender's.
        assertThat(mvc.perform(get("/forloeb/1082")).andReturn().getResponse().getContentAsString())
                .doesNotContain(group);
        assertThat(fixtures.post("/forloebsbeskrivelser/" + id + "/redaktion", Map.of(), OWNER)
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.pathway.news.required");
        String location = fixtures.post("/forloebsbeskrivelser/" + id + "/redaktion", Map.of("newsMail", "YES"), OWNER)
                .getResponse()
                .getRedirectedUrl();
        long request = jdbc.sql("SELECT news_request_id FROM publishing_pathway WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(location).isEqualTo("/nyhedsmails/" + request);
        assertThat(jdbc.sql("""
                        SELECT r.status || ':' || r.audience || ':' || r.headline FROM publishing_request r
                        JOIN app_user u ON u.id = r.author_user_id WHERE r.id = ? AND u.username = 'pko'""").param(request).query(String.class).single())
                .isEqualTo("DRAFT:REGION:Ny forløbsbeskrivelse: " + group);
        assertThat(mvc.perform(get("/nyhedsmails/" + request).with(users.as(OWNER)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("/forloeb/1082/" + id);
        assertThat(fixtures.post("/forloebsbeskrivelser/" + id + "/redaktion", Map.of("newsMail", "NO"), OWNER)
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.pathway.rule.notCurrent");

        // Published: the approved version on the public page, no sign-in; a later draft stays off it.
        String list =
                mvc.perform(get("/forloeb/1082")).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(HtmlUtils.htmlEscape(group));
        form.put("background", "Et udkast, der ikke er godkendt " + marker);
        form.put("changeKind", "MINOR");
        fixtures.edit(id, form);
        String item = mvc.perform(get("/forloeb/1082/" + id))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(item)
                .contains("CHA2DS2-VASc over 1", "Efterfølgende kontrolbehov")
                .doesNotContain("Et udkast");
        assertThat(mvc.perform(get("/forloeb/1081/" + id))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        // Versions kept and compared.
        String compare = mvc.perform(get("/forloebsbeskrivelser/" + id + "/sammenlign")
                        .param("fra", "1")
                        .param("til", "3")
                        .with(users.as("pkolaege")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(compare)
                .contains("<del><span class=\"sr-only\">Fjernet:</span> Kontrol hos egen læge efter 3 måneder.</del>")
                .contains(
                        "<ins><span class=\"sr-only\">Tilføjet:</span> Kontrol hos egen læge efter 3 måneder med EKG.</ins>");
    }

    @Test
    void aChangeMeaningExtraWorkCannotPassWithoutPloM() throws Exception {
        String marker = NewsletterFixtures.marker();
        String group = "Børn med astma " + marker;
        Map<String, String> form = PathwayFixtures.form(group);
        long id = fixtures.create(form);
        // Regionally valid already (as if approved before), then changed.
        jdbc.sql(
                        "UPDATE publishing_pathway SET status = 'CURRENT', approved_version = 1, approved_at = now() WHERE id = ?")
                .param(id)
                .update();
        form.put("workup", "Spirometri i almen praksis hos alle børn over 5 år, hvert år.");
        Map<String, String> refused = new LinkedHashMap<>(form);
        refused.put("baseVersion", "1");
        assertThat(fixtures.post("/forloebsbeskrivelser/" + id + "/rediger", refused, OWNER)
                        .getResponse()
                        .getContentAsString())
                .contains("Vælg, om ændringen er væsentlig eller mindre", "Spirometri i almen praksis hos alle børn");
        form.put("changeKind", "MINOR");
        form.put("extraWork", "true");
        fixtures.edit(id, form);
        Map<String, String> chain = PathwayFixtures.chain(marker);
        chain.remove("PLO_M-name");
        chain.remove("PLO_M-email");
        chain.remove("REGION-name");
        chain.remove("REGION-email");
        assertThat(fixtures.startChain(id, chain).getFlashMap().get("error"))
                .isEqualTo("publishing.pathway.rule.extraWorkNeedsPloM");
        assertThat(fixtures.status(id)).isEqualTo("DRAFT");

        // The same minor change without extra work passes with the Specialråd and the coordinators alone.
        form.put("extraWork", "");
        fixtures.edit(id, form);
        assertThat(fixtures.startChain(id, chain).getFlashMap().get("error")).isNull();
        assertThat(fixtures.status(id)).isEqualTo("APPROVAL");
    }

    @Test
    void aPersonalApprovalLinkAnswersOnceAndOnlyForItsPathway() throws Exception {
        String marker = NewsletterFixtures.marker();
        String groupA = "Voksne med KOL " + marker;
        String groupB = "Voksne med diabetes " + marker;
        long a = fixtures.create(PathwayFixtures.form(groupA));
        long b = fixtures.create(PathwayFixtures.form(groupB));
        Map<String, String> chain = PathwayFixtures.chain(marker);
        fixtures.startChain(a, chain);
        fixtures.startChain(b, chain);
        String specialraad = chain.get("SPECIALRAAD-email");
        Matcher linkA = PathwayFixtures.LINK.matcher(PathwayFixtures.link(specialraad, groupA, 1));
        assertThat(linkA.find()).isTrue();
        long approvalB = fixtures.approvalId(b, 1, "SPECIALRAAD");
        String crossed = "/forloeb-godkendelse/" + approvalB + "/" + linkA.group(2);
        assertThat(mvc.perform(get(crossed)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(fixtures.answer(crossed, "APPROVE", "Søren", "")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM publishing_pathway_approval WHERE id = ? AND decision IS NOT NULL")
                        .param(approvalB)
                        .query(Integer.class)
                        .single())
                .isZero();

        assertThat(fixtures.answer(linkA.group(), "APPROVE", "Søren", "")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/nyhedsmail-godkendelse/besvaret");
        assertThat(fixtures.answer(linkA.group(), "REFUSE", "Søren", "Alligevel ikke.")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get(linkA.group())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("""
                        SELECT decision FROM publishing_pathway_approval WHERE pathway_id = ? AND party = 'SPECIALRAAD'""").param(a).query(String.class).single()).isEqualTo("APPROVED");
    }

    @Test
    void anInvitedAuthorWritesThroughTheirLinkAndHostileTextStaysText() throws Exception {
        String marker = NewsletterFixtures.marker();
        String group = "Voksne med hovedpine " + marker;
        Map<String, String> form = PathwayFixtures.form(group);
        long id = fixtures.create(form);
        String author = "speciallaege-" + marker + "@example.dk";
        fixtures.post(
                "/forloebsbeskrivelser/" + id + "/forfattere",
                Map.of("authorName", "Overlæge Hanne Holm", "authorEmail", author),
                OWNER);
        Matcher link = Pattern.compile("/forloeb-forfatter/[A-Za-z0-9_-]{43}")
                .matcher(TestMailServer.text(TestMailServer.awaitMail(author, "Invitation til at skrive")));
        assertThat(link.find()).isTrue();
        assertThat(mvc.perform(get(link.group())).andReturn().getResponse().getContentAsString())
                .contains("Du er inviteret som forfatter, Overlæge Hanne Holm", "Atrieflimren er hyppigt");
        Map<String, String> params = new LinkedHashMap<>(form);
        params.put("treatment", "<script>alert(1)</script>\n- javascript:alert(2)");
        params.put("baseVersion", "1");
        assertThat(fixtures.post(link.group(), params, null).getResponse().getRedirectedUrl())
                .isEqualTo(link.group());
        assertThat(jdbc.sql("SELECT edited_by FROM publishing_pathway_version WHERE pathway_id = ? AND number = 2")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Overlæge Hanne Holm (" + author + ")");
        String page = mvc.perform(get("/forloebsbeskrivelser/" + id).with(users.as(OWNER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "<li>javascript:alert(2)</li>")
                .doesNotContain("<script>alert(1)");
        // A stale save (based on version 1 again) is refused at the form, the typed text kept.
        params.put("treatment", "Min ændring " + marker);
        assertThat(fixtures.post(link.group(), params, null).getResponse().getContentAsString())
                .contains("ændret, siden du åbnede den", "Min ændring " + marker);
        assertThat(fixtures.field(id, "version")).isEqualTo(2);
        // Another region's consultant and a package consultant do not see the pathway.
        assertThat(mvc.perform(get("/forloebsbeskrivelser/" + id).with(users.as("pkonord")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/forloebsbeskrivelser/" + id).with(users.as("konsulent")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theMedicalCoordinatorSeesPathwaysOverdueForReview() throws Exception {
        String group = "Voksne med gigt " + NewsletterFixtures.marker();
        long id = fixtures.create(PathwayFixtures.form(group));
        jdbc.sql("UPDATE publishing_pathway SET review_date = current_date - 3 WHERE id = ?")
                .param(id)
                .update();
        String medical = mvc.perform(get("/forloebsbeskrivelser").with(users.as("pkolaege")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(medical.substring(medical.indexOf("id=\"overdue\""))).contains(HtmlUtils.htmlEscape(group));
        assertThat(mvc.perform(get("/forloebsbeskrivelser").with(users.as(OWNER)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("id=\"overdue\"");
        jdbc.sql("UPDATE publishing_pathway SET review_date = current_date + 700 WHERE id = ?")
                .param(id)
                .update();
    }

    @Test
    void theOwnerOrTheMedicalCoordinatorHandsThePathwayOnToAnotherPersonOfTheRegion() throws Exception {
        String group = "Voksne med migræne " + NewsletterFixtures.marker();
        long id = fixtures.create(PathwayFixtures.form(group));
        long coordinator = jdbc.sql("SELECT id FROM pko_person WHERE email = 'pkokoordinator@example.dk'")
                .query(Long.class)
                .single();
        long north = jdbc.sql("SELECT id FROM pko_person WHERE email = 'pkonord@example.dk'")
                .query(Long.class)
                .single();
        String path = "/forloebsbeskrivelser/" + id + "/ejer";
        assertThat(mvc.perform(get("/forloebsbeskrivelser/" + id).with(users.as(OWNER)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Skift ejer", "Pia Praksiskoordinator");
        // Someone of another region, a malformed choice, or someone who is not the owner changes nothing.
        assertThat(fixtures.post(path, Map.of("owner", String.valueOf(north)), OWNER)
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.pathway.owner.required");
        assertThat(fixtures.post(path, Map.of("owner", "x'; DROP TABLE"), OWNER)
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.pathway.owner.required");
        assertThat(fixtures.post(path, Map.of("owner", String.valueOf(coordinator)), "pkokoordinator")
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.pathway.owner.notYours");
        assertThat(owner(id)).isEqualTo("Peter Praksiskonsulent");
        fixtures.post(path, Map.of("owner", String.valueOf(coordinator)), OWNER);
        assertThat(owner(id)).isEqualTo("Pia Praksiskoordinator");
        assertThat(fixtures.status(id)).isEqualTo("DRAFT");
        // The medical coordinator may hand it on too, back to the consultant.
        long consultant = jdbc.sql("SELECT id FROM pko_person WHERE email = 'pko@example.dk'")
                .query(Long.class)
                .single();
        fixtures.post(path, Map.of("owner", String.valueOf(consultant)), "pkolaege");
        assertThat(owner(id)).isEqualTo("Peter Praksiskonsulent");
    }

    private String owner(long id) {
        return jdbc.sql("SELECT owner_name FROM publishing_pathway WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    @Test
    void aClientReadingThePublicPagesTooFastIsHeldBack() throws Exception {
        long n = System.nanoTime();
        String client = "10.77." + (n % 250) + "." + ((n / 250) % 250);
        // A bucket of CAPACITY pages refilled at CAPACITY a minute: the first CAPACITY pass, and soon after one is 429.
        int passed = 0;
        var held = mvc.perform(get("/forloeb/1082").with(NewsletterFixtures.from(client)))
                .andReturn()
                .getResponse();
        while (held.getStatus() == 200 && passed < PathwayGuard.CAPACITY + 60) {
            passed++;
            held = mvc.perform(get("/forloeb/1082").with(NewsletterFixtures.from(client)))
                    .andReturn()
                    .getResponse();
        }
        assertThat(passed).isGreaterThanOrEqualTo((int) PathwayGuard.CAPACITY);
        assertThat(held.getStatus()).isEqualTo(429);
        assertThat(held.getContentAsString()).contains("Prøv igen om lidt");
        assertThat(mvc.perform(get("/forloeb/1082").with(NewsletterFixtures.from("10.78.0.1")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200); // another client is not held back
    }
}
