package dk.samspil.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.RegisterFiles;
import dk.samspil.SamspilTest;
import dk.samspil.deck.DeckContent.Chart;
import dk.samspil.ordering.Orders;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dose-dispensing deck (seed 001): KiAP's own figure — patients receiving the medicine administration service per
 * practice, from the national service file — and the municipality's citizens, both counts and labelled as counts.
 */
@SamspilTest
class DosisDeckTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeckAssembler assembler;

    @Autowired
    Orders orders;

    @AfterEach
    void removeTestPeriod() {
        jdbc.sql("DELETE FROM register_service_count WHERE period >= '2035-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_service_month WHERE period >= '2035-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_practice_period WHERE period >= '2035-01-01'")
                .update();
    }

    @Test
    void kiapsFigureShowsPatientsPerPracticeAndNoCountIsCalledPerThousand() throws Exception {
        String code = dk.samspil.documents.DocumentFixtures.pkg("dosisdispensering")
                .serviceCodes()
                .get(0)
                .code();
        upload(
                "PRACTICES",
                "Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n"
                        + "100101;2035-05;6000;0751\n100102;2035-05;4000;0751\n100103;2035-05;8000;0751\n"
                        + "100104;2035-05;3000;0751\n100105;2035-05;5000;0751\n100106;2035-05;2000;0751\n"
                        + "100101;2035-06;6000;0751\n100102;2035-06;4000;0751\n100103;2035-06;8000;0751\n"
                        + "100104;2035-06;3000;0751\n100105;2035-06;5000;0751\n100106;2035-06;2000;0751\n");
        // May and June: the figure is June's patients, not the two months added up.
        StringBuilder services = new StringBuilder("Ydernummer;Periode;Ydelseskode;Antal\n");
        int[] june = {12, 30, 41, 9, 25, 18};
        for (int i = 0; i < june.length; i++) {
            services.append("10010")
                    .append(i + 1)
                    .append(";2035-05;")
                    .append(code)
                    .append(";")
                    .append(june[i] - 1)
                    .append('\n');
            services.append("10010")
                    .append(i + 1)
                    .append(";2035-06;")
                    .append(code)
                    .append(";")
                    .append(june[i])
                    .append('\n');
        }
        upload("SERVICES", services.toString());
        long order = OrderFixtures.placeOrder(
                mvc, users, "dosisdispensering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
        mvc.perform(post("/bestillinger/" + order + "/kommunedata/dosis")
                .with(csrf())
                .with(users.as("kommune"))
                .param("nursing", "40")
                .param("homeCare", "214")
                .param("careHome", "96")
                .param("hours", "37,5")
                .param("contact", "Dorte Dosis")
                .param("version", "0"));

        DeckContent deck = assembler.assemble(orders.find(order).orElseThrow());
        Chart patients = deck.dataCharts().stream()
                .filter(c -> c.title().contains(code))
                .findFirst()
                .orElseThrow();
        assertThat(patients.unit()).isEqualTo("Antal patienter");
        assertThat(patients.categories())
                .hasSize(7)
                .doesNotContain("Hele landet")
                .last()
                .asString()
                .contains("Demoklyngen");
        assertThat(patients.series().get(0).values())
                .as("the practices' June patients, and the cluster's")
                .containsExactlyInAnyOrder(12.0, 30.0, 41.0, 9.0, 25.0, 18.0, 135.0);
        Chart citizens = deck.dataCharts().stream()
                .filter(c -> c.title().startsWith("Borgere på dosisdispenseret"))
                .findFirst()
                .orElseThrow();
        assertThat(citizens.unit()).isEqualTo("Antal borgere");
        assertThat(deck.dataNote()).contains("06.2035").doesNotContainIgnoringCase("pr. 1.000");
        try (WrittenDeck written = WrittenDeck.write(deck)) {
            for (var slide : written.slides()) {
                assertThat(WrittenDeck.text(slide).toLowerCase(Locale.ROOT))
                        .as(WrittenDeck.heading(slide))
                        .doesNotContain("pr. 1.000");
            }
            assertThat(written.headings()).anyMatch(h -> h.startsWith("Ydelse " + code));
        }
    }

    private void upload(String kind, String content) throws Exception {
        RegisterFiles.importCsv(mvc, users, kind, content);
    }
}
