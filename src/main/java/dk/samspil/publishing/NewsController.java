package dk.samspil.publishing;

import dk.samspil.security.AccessRefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public news page (/nyheder): the newsletters the editors published on praksis.dk, newest first, each with its
 * full text and whom it is for. Nothing else of a request is shown, and an unpublished one is 404.
 */
@Controller
class NewsController {

    static final String LIST = "publishing/news";
    static final String ITEM = "publishing/news-item";

    private final PublishedNews news;
    private final NewsletterAudiences audiences;

    NewsController(PublishedNews news, NewsletterAudiences audiences) {
        this.news = news;
        this.audiences = audiences;
    }

    @GetMapping("/nyheder")
    String list(Model model) {
        var items = news.published(100);
        model.addAttribute("items", items);
        model.addAttribute("audienceTexts", audiences.describe(items));
        return LIST;
    }

    @GetMapping("/nyheder/{id}")
    String item(@PathVariable long id, Model model) {
        var item = news.published(id).orElseThrow(() -> new AccessRefusedException("news:" + id));
        model.addAttribute("item", item);
        model.addAttribute("audienceText", audiences.describe(item));
        return ITEM;
    }
}
