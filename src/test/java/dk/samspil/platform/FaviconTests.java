package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.SamspilTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Every browser asks for /favicon.ico; it gets an icon, not a 404 in the log. */
@SamspilTest
class FaviconTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theFaviconIsServedToEveryone() throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get("/favicon.ico")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        byte[] icon = response.getContentAsByteArray();
        assertThat(icon).hasSizeGreaterThan(22);
        assertThat(new byte[] {icon[0], icon[1], icon[2], icon[3]})
                .as("an ICO header")
                .containsExactly(0, 0, 1, 0);
    }
}
