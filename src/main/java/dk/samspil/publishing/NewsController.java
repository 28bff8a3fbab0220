package dk.samspil.publishing;

import dk.samspil.directory.Directory;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import dk.samspil.security.AccessRefusedException;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public news page (/nyheder): the newsletters the editors published on praksis.dk, newest first, each with its
 * full text and whom it is for; narrowed to a hospital unit's (its catchment area's newsletters, "lagt på praksis.dk
 * hjemmesiden under den pågældende hospitalsenhed") or to what concerns general practice in a municipality. Nothing
 * else of a request is shown, and an unpublished one is 404.
 */
@Controller
class NewsController {

    static final String LIST = "publishing/news";
    static final String ITEM = "publishing/news-item";

    private final PublishedNews news;
    private final NewsletterAudiences audiences;
    private final NewsletterSending sending;
    private final Directory directory;

    NewsController(PublishedNews news, NewsletterAudiences audiences, NewsletterSending sending, Directory directory) {
        this.news = news;
        this.audiences = audiences;
        this.sending = sending;
        this.directory = directory;
    }

    @GetMapping("/nyheder")
    String list(
            @RequestParam(name = "enhed", required = false) String unitParam,
            @RequestParam(name = "kommune", required = false) String municipality,
            Model model) {
        Long unit = unit(unitParam);
        List<RequestView> items = news.published(100).stream()
                .filter(item ->
                        unit == null || item.audience() == Audience.CATCHMENT && unit.equals(item.hospitalUnitId()))
                .filter(item -> municipality == null
                        || municipality.isBlank()
                        || Arrays.asList(sending.audienceMunicipalities(item)).contains(municipality))
                .toList();
        model.addAttribute("items", items);
        model.addAttribute("audienceTexts", audiences.describe(items));
        model.addAttribute("units", directory.hospitalUnits());
        model.addAttribute("municipalities", directory.municipalities());
        model.addAttribute("unit", unit);
        model.addAttribute("municipality", municipality);
        model.addAttribute("regions", directory.regions());
        return LIST;
    }

    /** A unit id, or null for none or a malformed one (all units). */
    private static Long unit(String value) {
        try {
            return RequestForm.blank(value) ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/nyheder/{id}")
    String item(@PathVariable long id, Model model) {
        var item = news.published(id).orElseThrow(() -> new AccessRefusedException("news:" + id));
        model.addAttribute("item", item);
        model.addAttribute("audienceText", audiences.describe(item));
        return ITEM;
    }
}
