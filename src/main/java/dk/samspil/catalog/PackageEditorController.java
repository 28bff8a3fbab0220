package dk.samspil.catalog;

import dk.samspil.catalog.PackageDrafts.Draft;
import dk.samspil.office.Downloads;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;

/**
 * A provider's consultants edit its packages in the browser: the list of its packages, a draft per package (saved
 * by version), publishing as the next version, a new package as a copy of another, and what changed between two
 * versions. Another provider's consultant gets 404 on every address here; an administrator edits every provider's.
 */
@Controller
class PackageEditorController {

    static final String LIST_VIEW = "catalog/editor-list";
    static final String DRAFT_VIEW = "catalog/editor-draft";
    static final String COPY_VIEW = "catalog/editor-copy";
    static final String VERSIONS_VIEW = "catalog/editor-versions";

    /** A package file is a few kilobytes of text; the shipped ones are under 20 kB. */
    static final long MAX_FILE = 512 * 1024;

    private final Catalog catalog;
    private final PackageDrafts drafts;
    private final VersionComparison comparison;

    PackageEditorController(Catalog catalog, PackageDrafts drafts, VersionComparison comparison) {
        this.catalog = catalog;
        this.drafts = drafts;
        this.comparison = comparison;
    }

    @GetMapping("/udbyder/pakker")
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        PackageEditors.requireEditor(user);
        model.addAttribute("packages", drafts.packagesOf(user.isAdmin() ? null : user.providerCode()));
        return LIST_VIEW;
    }

    /** The package's newest version as a package file (YAML), the format the catalogue is first loaded from. */
    @GetMapping("/udbyder/pakker/{slug}/pakke.yaml")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable String slug) {
        PackageDefinition p = published(user, slug);
        return Downloads.attachment(
                CatalogLoader.write(p).getBytes(StandardCharsets.UTF_8),
                new MediaType("application", "yaml", StandardCharsets.UTF_8),
                slug + ".yaml");
    }

    /**
     * A package file read into a draft: of the provider's package with its slug, or of a new package. Nothing is
     * published until the consultant does; a file that cannot be read, breaks the rules or is another provider's
     * changes nothing and is answered at the file field.
     */
    @PostMapping("/udbyder/pakker/import")
    String importFile(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(required = false) MultipartFile file,
            Model model)
            throws IOException {
        PackageEditors.requireEditor(user);
        String problem = null;
        Object[] args = null;
        PackageDefinition definition = null;
        if (file == null || file.isEmpty()) {
            problem = "editor.import.choose";
        } else if (file.getSize() > MAX_FILE) {
            problem = "editor.import.tooLarge";
        } else {
            try {
                definition = CatalogLoader.parse("upload", file.getBytes());
            } catch (JacksonException unreadable) {
                problem = "editor.import.unreadable";
                args = new Object[] {
                    unreadable.getLocation() == null
                            ? "?"
                            : String.valueOf(unreadable.getLocation().getLineNr())
                };
            } catch (CatalogLoader.BrokenRule broken) {
                problem = "editor.import.rule." + broken.rule;
                args = broken.args;
            }
        }
        if (definition != null) {
            String provider = drafts.providerOf(definition.slug()).orElse(definition.provider());
            if (!user.isAdmin()
                    && (!user.providerCode().equals(definition.provider())
                            || !user.providerCode().equals(provider))) {
                problem = "editor.import.otherProvider";
                args = new Object[] {definition.provider()};
            } else if (drafts.draftOf(definition.slug()).isPresent()) {
                problem = "editor.import.draftExists";
            }
        }
        if (problem != null) {
            model.addAttribute("importError", problem);
            model.addAttribute("importArgs", args == null ? new Object[0] : args);
            return list(user, model);
        }
        long id = drafts.imported(
                definition, catalog.currentVersion(definition.slug()).orElse(null), user.displayName());
        return "redirect:/udbyder/pakker/kladder/" + id;
    }

    @PostMapping("/udbyder/pakker/{slug}/ret")
    String edit(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable String slug) {
        PackageDefinition current = published(user, slug);
        long id = drafts.edit(slug, current, catalog.currentVersion(slug).orElseThrow(), user.displayName());
        return "redirect:/udbyder/pakker/kladder/" + id;
    }

    @GetMapping("/udbyder/pakker/{slug}/kopi")
    String copyForm(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable String slug, Model model) {
        PackageDefinition source = published(user, slug);
        if (!model.containsAttribute("copyForm")) {
            CopyForm form = new CopyForm();
            form.setTitle(source.title());
            model.addAttribute("copyForm", form);
        }
        model.addAttribute("source", source);
        return COPY_VIEW;
    }

    @PostMapping("/udbyder/pakker/{slug}/kopi")
    String copy(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable String slug,
            @Validated @ModelAttribute CopyForm copyForm,
            BindingResult result,
            Model model) {
        PackageDefinition source = published(user, slug);
        if (!result.hasFieldErrors("slug") && drafts.slugTaken(copyForm.getSlug())) {
            result.rejectValue("slug", "editor.copy.slugTaken");
        }
        if (result.hasErrors()) {
            model.addAttribute("source", source);
            return COPY_VIEW;
        }
        // A consultant's copy is their provider's; an administrator's stays with the source's provider.
        String provider = user.isAdmin() ? source.provider() : user.providerCode();
        long id = drafts.copy(source, copyForm.getSlug(), copyForm.getTitle().strip(), provider, user.displayName());
        return "redirect:/udbyder/pakker/kladder/" + id;
    }

    @GetMapping("/udbyder/pakker/kladder/{id}")
    String draft(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        Draft draft = ownDraft(user, id);
        if (!model.containsAttribute("packageForm")) {
            model.addAttribute("packageForm", PackageForm.of(draft.definition(), draft.version()));
        }
        return draftView(draft, model);
    }

    /**
     * One form, several buttons: rows are added, moved and removed on the form (saved with "Gem"); "Gem" saves the
     * draft; "Udgiv" saves it and publishes it as the next version. A draft saved by somebody else since the form was
     * read is not overwritten: the form comes back with both texts.
     */
    @PostMapping("/udbyder/pakker/kladder/{id}")
    String save(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @ModelAttribute PackageForm packageForm,
            BindingResult result,
            @RequestParam(name = "handling", defaultValue = "gem") String action,
            Model model,
            RedirectAttributes redirect) {
        Draft draft = ownDraft(user, id);
        if (rearrange(packageForm, action)) {
            model.addAttribute("rearranged", true);
            return draftView(draft, model);
        }
        boolean publishing = action.equals("udgiv");
        packageForm.check(draft.definition(), publishing, result);
        if (result.hasErrors()) {
            return draftView(draft, model);
        }
        PackageDefinition edited = packageForm.applyTo(draft.definition());
        if (!drafts.save(id, packageForm.getVersion(), edited, user.displayName())) {
            return conflict(user, id, packageForm, model);
        }
        if (!publishing) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/udbyder/pakker/kladder/" + id;
        }
        Optional<Integer> version = drafts.publish(id, packageForm.getVersion() + 1, user.displayName());
        if (version.isEmpty()) {
            return conflict(user, id, packageForm, model);
        }
        redirect.addFlashAttribute("published", version.get());
        return "redirect:/udbyder/pakker";
    }

    @PostMapping("/udbyder/pakker/kladder/{id}/slet")
    String discard(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        ownDraft(user, id);
        drafts.discard(id);
        redirect.addFlashAttribute("discarded", true);
        return "redirect:/udbyder/pakker";
    }

    @GetMapping("/udbyder/pakker/{slug}/versioner")
    String versions(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable String slug,
            @RequestParam(name = "fra", required = false) Integer from,
            @RequestParam(name = "til", required = false) Integer to,
            Model model) {
        PackageDefinition current = published(user, slug);
        List<PackageDrafts.VersionLine> versions = drafts.versions(slug);
        int newest = versions.get(0).version();
        int after = to == null ? newest : to;
        int before = from == null ? Math.max(1, after - 1) : from;
        model.addAttribute("pkg", current);
        model.addAttribute("versions", versions);
        model.addAttribute("from", before);
        model.addAttribute("to", after);
        Optional<PackageDefinition> a = catalog.find(slug, before);
        Optional<PackageDefinition> b = catalog.find(slug, after);
        if (a.isEmpty() || b.isEmpty()) {
            throw new AccessRefusedException("package:" + slug + ":version");
        }
        model.addAttribute("changes", comparison.between(a.get(), b.get()));
        return VERSIONS_VIEW;
    }

    /** Adds, moves or removes a row of the form; true if the action was one of these (nothing is saved). */
    private static boolean rearrange(PackageForm form, String action) {
        List<PackageForm.ItemForm> items = form.getProgramme();
        List<PackageForm.QuestionRow> questions = form.getQuestions();
        if (action.equals("nytPunkt")) {
            items.add(new PackageForm.ItemForm());
            return true;
        }
        if (action.equals("nyOpgave")) {
            form.getDrejebog().add(new PackageForm.TaskRow());
            return true;
        }
        if (action.equals("nytSpoergsmaal")) {
            questions.add(new PackageForm.QuestionRow());
            return true;
        }
        int dash = action.lastIndexOf('-');
        if (dash < 0 || !action.substring(dash + 1).matches("\\d{1,3}")) {
            return false;
        }
        int index = Integer.parseInt(action.substring(dash + 1));
        String verb = action.substring(0, dash);
        switch (verb) {
            case "fjernPunkt" -> remove(items, index);
            case "opPunkt" -> up(items, index);
            case "fjernSpoergsmaal" -> remove(questions, index);
            case "opSpoergsmaal" -> up(questions, index);
            case "fjernOpgave" -> remove(form.getDrejebog(), index);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static <T> void remove(List<T> list, int index) {
        if (index < list.size()) {
            list.remove(index);
        }
    }

    private static <T> void up(List<T> list, int index) {
        if (index > 0 && index < list.size()) {
            list.add(index - 1, list.remove(index));
        }
    }

    private String conflict(SamspilPrincipal user, long id, PackageForm mine, Model model) {
        Draft theirs = ownDraft(user, id);
        PackageForm saved = PackageForm.of(theirs.definition(), theirs.version());
        // The other's text under each text field where it differs from this form's.
        Map<String, String> differing = new LinkedHashMap<>();
        putIfDiffers(differing, "title", mine.getTitle(), saved.getTitle());
        putIfDiffers(differing, "summary", mine.getSummary(), saved.getSummary());
        putIfDiffers(differing, "focus", mine.getFocus(), saved.getFocus());
        putIfDiffers(differing, "purpose", mine.getPurpose(), saved.getPurpose());
        model.addAttribute("theirs", differing);
        model.addAttribute("theirsBy", theirs.updatedBy());
        model.addAttribute("theirsAt", theirs.updatedAt());
        // Saving again saves this form over the other's, knowingly.
        mine.setVersion(theirs.version());
        return draftView(theirs, model);
    }

    private static void putIfDiffers(Map<String, String> into, String field, String mine, String theirs) {
        if (!normal(mine).equals(normal(theirs))) {
            into.put(field, theirs == null ? "" : theirs);
        }
    }

    private static String normal(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }

    private String draftView(Draft draft, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("statuses", PackageDefinition.PackageStatus.values());
        model.addAttribute("kinds", PackageDefinition.ItemKind.values());
        model.addAttribute("types", PackageDefinition.QuestionType.values());
        model.addAttribute("owners", PackageDefinition.TaskOwner.values());
        return DRAFT_VIEW;
    }

    /** The package's newest version, if the user edits its provider's packages. */
    private PackageDefinition published(SamspilPrincipal user, String slug) {
        PackageEditors.requireEditor(user);
        PackageDefinition p = catalog.find(slug).orElseThrow(() -> new AccessRefusedException("package:" + slug));
        PackageEditors.requireProvider(user, p.provider());
        return p;
    }

    private Draft ownDraft(SamspilPrincipal user, long id) {
        PackageEditors.requireEditor(user);
        Draft draft = drafts.draft(id).orElseThrow(() -> new AccessRefusedException("package-draft:" + id));
        PackageEditors.requireProvider(user, draft.providerCode());
        return draft;
    }

    /** A new package as a copy: its title and its address in the catalogue. */
    static class CopyForm {
        @NotBlank(message = "{editor.text.required}")
        @Size(max = PackageForm.MAX_TEXT, message = "{editor.copy.titleLong}")
        private String title;

        @NotBlank(message = "{editor.copy.slugRequired}")
        @Pattern(regexp = "[a-z0-9-]{2,80}", message = "{editor.copy.slugInvalid}")
        private String slug;

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getSlug() {
            return slug;
        }

        public void setSlug(String slug) {
            this.slug = slug == null ? null : slug.strip();
        }
    }
}
