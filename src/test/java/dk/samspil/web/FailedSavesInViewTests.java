package dk.samspil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.survey.SurveyFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A failed save on a long page comes back at the item it was made in, with the error summary there: the meeting
 * page's forms post to a URL ending in their item's anchor (the browser scrolls to it) and the item carries the
 * summary with links to its fields; a refused survey sending and a refused cancellation redirect to their form.
 */
@SamspilTest
class FailedSavesInViewTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Test
    void aBadTimeInTheSecondBlockComesBackAtThatBlockWithItsErrorSummary() throws Exception {
        long order = OrderFixtures.placeOrder(
                mvc, users, "dosisdispensering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
        String meeting = "/bestillinger/" + order + "/moede";
        Document page = Jsoup.parse(mvc.perform(get(meeting).with(users.as("koordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("#blok-2 form").attr("action")).endsWith("/moede/blokke/2#blok-2");
        assertThat(page.select("#new-agreement").attr("action")).endsWith("/moede/aftaler#ny-aftale");
        assertThat(page.select("#roller form").attr("action")).endsWith("#roller");

        Document failed = Jsoup.parse(mvc.perform(post(meeting + "/blokke/2")
                        .param("start", "25:99")
                        .param("end", "")
                        .param("notes", "Vores noter")
                        .param("version", "0")
                        .with(csrf())
                        .with(users.as("koordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString());
        Element summary = failed.selectFirst("#blok-2 .alert-error");
        assertThat(summary).as("the error summary inside the block").isNotNull();
        assertThat(summary.select("a").attr("href")).isEqualTo("#block-2-start");
        assertThat(summary.text()).contains("Der er fejl");
        assertThat(failed.select("#block-2-notes").text()).isEqualTo("Vores noter");
        assertThat(failed.select(".samspil-item-errors"))
                .as("only at that block")
                .hasSize(1);

        Document agreement = Jsoup.parse(mvc.perform(post(meeting + "/aftaler")
                        .param("what", "")
                        .param("person", "")
                        .with(csrf())
                        .with(users.as("koordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString());
        Element agreementSummary = agreement.selectFirst("#ny-aftale-errors");
        assertThat(agreementSummary).isNotNull();
        assertThat(agreementSummary.select("a").eachAttr("href")).contains("#agreement-what");
    }

    @Test
    void aRefusedSendingComesBackAtTheSendForm() throws Exception {
        long order = new SurveyFixtures(mvc, users).frozenOrder();
        MvcResult refused = mvc.perform(post("/bestillinger/" + order + "/spoergeskema/send")
                        .param("closesOn", OrderFixtures.today().minusDays(1).toString())
                        .with(csrf())
                        .with(users.as("konsulent")))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).endsWith("/spoergeskema#send");
        Document page = Jsoup.parse(mvc.perform(get("/bestillinger/" + order + "/spoergeskema")
                        .cookie(refused.getResponse().getCookie("SESSION"))
                        .with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.selectFirst("#send .alert-error"))
                .as("the message at the send form")
                .isNotNull();
    }

    @Test
    void aRefusedCancellationComesBackAtTheCancelForm() throws Exception {
        long order = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "aflys.fejl@aarhus.example.dk");
        MvcResult refused = mvc.perform(
                        post("/bestillinger/" + order + "/aflys").with(csrf()).with(users.as("koordinator")))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).endsWith("/bestillinger/" + order + "#aflys");
        Document page = Jsoup.parse(mvc.perform(get("/bestillinger/" + order)
                        .cookie(refused.getResponse().getCookie("SESSION"))
                        .with(users.as("koordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString());
        Element summary = page.selectFirst("#aflys .alert-error");
        assertThat(summary).isNotNull();
        assertThat(summary.text()).contains("begrundelse");
    }
}
