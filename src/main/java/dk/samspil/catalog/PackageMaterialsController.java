package dk.samspil.catalog;

import dk.samspil.office.Downloads;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A package's materials: its provider's consultants upload files (the package PDF, an example deck) and add links (a
 * podcast, a video); anyone who reads the package page opens them.
 */
@Controller
class PackageMaterialsController {

    static final String VIEW = "catalog/editor-materials";

    private final Catalog catalog;
    private final PackageAttachments attachments;

    PackageMaterialsController(Catalog catalog, PackageAttachments attachments) {
        this.catalog = catalog;
        this.attachments = attachments;
    }

    @GetMapping("/udbyder/pakker/{slug}/materialer")
    String page(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable String slug, Model model) {
        PackageDefinition p = editable(user, slug);
        model.addAttribute("pkg", p);
        model.addAttribute("attachments", attachments.of(slug));
        return VIEW;
    }

    @PostMapping("/udbyder/pakker/{slug}/materialer/link")
    String addLink(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String url,
            Model model,
            RedirectAttributes redirect) {
        PackageDefinition p = editable(user, slug);
        String titleError = titleError(title);
        String urlError = url.isBlank()
                ? "editor.materials.url.required"
                : url.length() > 500 || !webAddress(url.strip()) ? "editor.materials.url.invalid" : null;
        if (titleError != null || urlError != null) {
            model.addAttribute("linkTitleError", titleError);
            model.addAttribute("urlError", urlError);
            model.addAttribute("linkTitle", title);
            model.addAttribute("url", url);
            return page(user, slug, model);
        }
        attachments.addLink(p.slug(), title.strip(), url.strip(), user.displayName());
        redirect.addFlashAttribute("added", true);
        return "redirect:/udbyder/pakker/" + slug + "/materialer";
    }

    @PostMapping("/udbyder/pakker/{slug}/materialer/fil")
    String addFile(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        PackageDefinition p = editable(user, slug);
        String titleError = titleError(title);
        String fileError = null;
        String contentType = null;
        String name = null;
        byte[] content = null;
        if (file == null || file.isEmpty()) {
            fileError = "editor.materials.file.choose";
        } else if (file.getSize() > PackageAttachments.MAX_FILE) {
            fileError = "editor.materials.file.tooLarge";
        } else {
            content = file.getBytes();
            name = safeName(file.getOriginalFilename());
            contentType = PackageAttachments.contentType(name, content);
            if (contentType == null) {
                fileError = "editor.materials.file.kind";
            }
        }
        if (titleError != null || fileError != null) {
            model.addAttribute("fileTitleError", titleError);
            model.addAttribute("fileError", fileError);
            model.addAttribute("fileTitle", title);
            return page(user, slug, model);
        }
        attachments.addFile(p.slug(), title.strip(), name, contentType, content, user.displayName());
        redirect.addFlashAttribute("added", true);
        return "redirect:/udbyder/pakker/" + slug + "/materialer";
    }

    @PostMapping("/udbyder/pakker/{slug}/materialer/{id}/slet")
    String remove(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable String slug,
            @PathVariable long id,
            RedirectAttributes redirect) {
        editable(user, slug);
        if (!attachments.remove(slug, id)) {
            throw new AccessRefusedException("package-attachment:" + id);
        }
        redirect.addFlashAttribute("removed", true);
        return "redirect:/udbyder/pakker/" + slug + "/materialer";
    }

    /** A package's file, for anyone who reads its page. */
    @GetMapping("/pakker/{slug}/materialer/{id}")
    ResponseEntity<byte[]> download(@PathVariable String slug, @PathVariable long id) {
        PackageAttachments.File file =
                attachments.file(slug, id).orElseThrow(() -> new AccessRefusedException("package-attachment:" + id));
        return Downloads.attachment(file.content(), MediaType.parseMediaType(file.contentType()), file.fileName());
    }

    private PackageDefinition editable(SamspilPrincipal user, String slug) {
        PackageEditors.requireEditor(user);
        PackageDefinition p = catalog.find(slug).orElseThrow(() -> new AccessRefusedException("package:" + slug));
        PackageEditors.requireProvider(user, p.provider());
        return p;
    }

    private static String titleError(String title) {
        if (title.isBlank()) {
            return "editor.text.required";
        }
        return title.length() > PackageForm.MAX_TEXT ? "editor.copy.titleLong" : null;
    }

    /** An address on the web (http or https) with a host: what a podcast or a video has. */
    private static boolean webAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException notAnAddress) {
            return false;
        }
    }

    /** The file's own name without any folder, at most 150 characters, its extension kept. */
    private static String safeName(String original) {
        String cleaned = original == null
                ? ""
                : original.replaceAll("[\\p{Cntrl}\"]", "").replace('\\', '/');
        Path last = cleaned.isBlank() ? null : Path.of(cleaned).getFileName();
        String name = last == null ? "" : last.toString();
        if (name.length() > 150) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
            name = name.substring(0, 150 - extension.length()) + extension;
        }
        return name.isBlank() ? "materiale" : name;
    }
}
