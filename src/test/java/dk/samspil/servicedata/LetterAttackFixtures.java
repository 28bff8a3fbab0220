package dk.samspil.servicedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import dk.samspil.DemoUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The worst case for the practice letters: the register says exactly what the coordinator sees per named practice on
 * the cluster page (its listed patients), for the test period 2034-06, with a service 0124 count per practice.
 */
public final class LetterAttackFixtures {

    /** What the coordinator can name: each practice's provider number and listed patients, as text without dots. */
    public record Named(List<String> ydernumre, Set<String> perPractice) {}

    private final MockMvc mvc;
    private final DemoUsers users;

    public LetterAttackFixtures(MockMvc mvc, DemoUsers users) {
        this.mvc = mvc;
        this.users = users;
    }

    /** Reads Demoklyngen's practices off the cluster page as the coordinator and imports them as the register's. */
    public Named registerWhatTheCoordinatorSees(JdbcClient jdbc) throws Exception {
        long clusterId = jdbc.sql("SELECT id FROM cluster WHERE name = 'Demoklyngen'")
                .query(Long.class)
                .single();
        Document cluster = page("/klynger/" + clusterId, "koordinator");
        Set<String> perPractice = new HashSet<>();
        List<String> ydernumre = new ArrayList<>();
        StringBuilder practiceFile = new StringBuilder("Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n");
        StringBuilder serviceFile = new StringBuilder("Ydernummer;Periode;Ydelseskode;Antal\n");
        int count = 7;
        for (Element row : cluster.select("table tbody tr")) {
            String ydernummer = row.child(0).text();
            if (!ydernummer.matches("\\d{6}")) {
                continue;
            }
            String listed = digits(row.child(2).text());
            // A practice waiting for the consultant's confirmation (added by another test) is not yet in the cluster:
            // what the coordinator reads of it still counts as known, but it gets no figures.
            if (row.text().contains("afventer konsulentens bekræftelse")) {
                perPractice.add(ydernummer);
                perPractice.add(listed);
                continue;
            }
            ydernumre.add(ydernummer);
            perPractice.add(ydernummer);
            perPractice.add(listed);
            practiceFile.append(ydernummer).append(";2034-06;").append(listed).append(";0751\n");
            serviceFile
                    .append(ydernummer)
                    .append(";2034-06;0124;")
                    .append(count += 6)
                    .append('\n');
        }
        assertThat(perPractice)
                .as("the cluster page names its practices' listed patients")
                .contains("6120", "4380");
        upload("PRACTICES", practiceFile.toString());
        upload("SERVICES", serviceFile.toString());
        return new Named(ydernumre, perPractice);
    }

    /** Removes the test period's register rows again. */
    public static void removeTestPeriod(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM register_service_count WHERE period >= '2034-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_service_month WHERE period >= '2034-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_practice_period WHERE period >= '2034-01-01'")
                .update();
    }

    public static String digits(String text) {
        return text.replace(".", "").trim();
    }

    public Document page(String path, String user) throws Exception {
        var response = mvc.perform(get(path).with(users.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " as " + user).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private void upload(String kind, String content) throws Exception {
        MockMultipartFile file =
                new MockMultipartFile("file", "fil.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
        String page = mvc.perform(multipart("/data/import")
                        .file(file)
                        .param("kind", kind)
                        .with(users.as("konsulent"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Filen er importeret");
    }
}
