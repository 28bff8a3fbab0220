package dk.samspil.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.CatalogFixtures;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.ordering.OrderPackage;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.survey.Surveys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * An order keeps the version of its package it was placed with: a new version of the package changes the catalogue
 * and the orders placed after it, never the orders before — not their page, questionnaire, programme or deck.
 */
@SamspilTest
class PackageVersionTests {

    private static final String SLUG = "akutfunktioner";
    private static final String NEW_TITLE = "Akutfunktioner – ny udgave";
    private static final String NEW_QUESTION = "Hvordan kender du kommunens akutfunktioner i dag?";
    private static final String NEW_BLOCK = "Velkomst og nyt formål";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    ApplicationContext context;

    @Autowired
    Catalog catalog;

    @Autowired
    Orders orders;

    @Autowired
    Surveys surveys;

    @Autowired
    DeckAssembler assembler;

    @Test
    void anOrderKeepsThePackageVersionItWasPlacedWith() throws Exception {
        PackageDefinition before = catalog.find(SLUG).orElseThrow();
        String firstQuestion = before.questionnaire().questions().get(0).text();
        String firstBlock = before.programme().get(0).title();
        long first = OrderFixtures.placeOrder(
                mvc, users, SLUG, OrderFixtures.today().plusWeeks(10), "version.foer@aarhus.example.dk");
        try {
            int changed = CatalogFixtures.loadChanged(
                    context,
                    SLUG,
                    yaml -> yaml.replaceFirst("(?m)^title: .*$", "title: \"" + NEW_TITLE + "\"")
                            .replace("\"" + firstQuestion + "\"", "\"" + NEW_QUESTION + "\"")
                            .replace("title: \"" + firstBlock + "\"", "title: \"" + NEW_BLOCK + "\""));
            assertThat(changed).isEqualTo(1);
            long second = OrderFixtures.placeOrder(
                    mvc, users, SLUG, OrderFixtures.today().plusWeeks(11), "version.efter@aarhus.example.dk");

            OrderView old = orders.find(first).orElseThrow();
            OrderView placedAfter = orders.find(second).orElseThrow();
            assertThat(placedAfter.packageVersion()).isEqualTo(old.packageVersion() + 1);
            assertThat(catalog.find(SLUG).orElseThrow().title()).isEqualTo(NEW_TITLE);

            // The order placed before reads its own version everywhere.
            assertThat(old.packageTitle()).isEqualTo(before.title());
            assertThat(OrderPackage.of(catalog, old).programme().get(0).title()).isEqualTo(firstBlock);
            assertThat(surveys.forOrder(first, SLUG).questions().get(0).text()).isEqualTo(firstQuestion);
            assertThat(assembler.assemble(old).title()).isEqualTo(before.title());
            String page = mvc.perform(get("/bestillinger/" + first).with(users.as("koordinator")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(HtmlUtils.htmlEscape(before.title())).doesNotContain(NEW_TITLE);

            // The order placed after reads the new one.
            assertThat(placedAfter.packageTitle()).isEqualTo(NEW_TITLE);
            assertThat(OrderPackage.of(catalog, placedAfter).programme().get(0).title())
                    .isEqualTo(NEW_BLOCK);
            assertThat(surveys.forOrder(second, SLUG).questions().get(0).text()).isEqualTo(NEW_QUESTION);
            assertThat(assembler.assemble(placedAfter).title()).isEqualTo(NEW_TITLE);
        } finally {
            CatalogFixtures.restore(context, SLUG);
        }
        assertThat(catalog.find(SLUG).orElseThrow().title()).isEqualTo(before.title());
    }
}
