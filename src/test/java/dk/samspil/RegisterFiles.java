package dk.samspil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** National register files imported the way the consultant's import page takes them, for tests that need data. */
public final class RegisterFiles {

    private RegisterFiles() {}

    /** Imports the CSV as konsulent ({@code kind}: PRACTICES or SERVICES) and checks that it was stored. */
    public static void importCsv(MockMvc mvc, DemoUsers users, String kind, String csv) throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file", kind.toLowerCase() + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String page = mvc.perform(multipart("/data/import")
                        .file(file)
                        .param("kind", kind)
                        .with(users.as("konsulent"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Filen er importeret");
    }
}
