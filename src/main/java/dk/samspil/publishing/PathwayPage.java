package dk.samspil.publishing;

import dk.samspil.platform.RuleViolation;
import dk.samspil.publishing.PathwayText.Block;
import dk.samspil.publishing.PathwayText.DiffLine;
import dk.samspil.publishing.Pathways.PathwayView;
import dk.samspil.publishing.Pathways.Sections;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the pathway pages share: the sections as blocks, two versions compared, and saving a change. */
final class PathwayPage {

    /** A section by its key (the message key's last part) with its text as blocks. */
    record SectionView(String key, List<Block> blocks) {}

    /** A section of two versions compared, line by line. */
    record SectionDiff(String key, List<DiffLine> lines, boolean changed) {}

    private PathwayPage() {}

    static List<SectionView> sections(Sections sections) {
        List<SectionView> views = new ArrayList<>();
        List<String> texts = sections.texts();
        for (int i = 0; i < Pathways.SECTIONS.size(); i++) {
            views.add(new SectionView(Pathways.SECTIONS.get(i), PathwayText.blocks(texts.get(i))));
        }
        return views;
    }

    static List<SectionDiff> diffs(Sections older, Sections newer) {
        List<SectionDiff> diffs = new ArrayList<>();
        for (int i = 0; i < Pathways.SECTIONS.size(); i++) {
            List<DiffLine> lines =
                    PathwayText.diff(older.texts().get(i), newer.texts().get(i));
            diffs.add(new SectionDiff(
                    Pathways.SECTIONS.get(i), lines, lines.stream().anyMatch(l -> l.added() || l.removed())));
        }
        return diffs;
    }

    /**
     * Saves a change as the next version (the form again with its errors when refused, nothing lost); a change while
     * the chain is under way asks every party again.
     */
    static String save(
            Pathways pathways,
            PathwayApprovals approvals,
            PathwayView pathway,
            Map<String, String> params,
            String editedBy,
            LocalDate today,
            Model model,
            RedirectAttributes redirect,
            BiFunction<Map<String, String>, Map<String, String>, String> form,
            String back) {
        Map<String, String> draft = PathwayForm.draft(params);
        boolean changeOfValid = pathway.approvedVersion() != null;
        Map<String, String> errors = PathwayForm.errors(draft, today, changeOfValid);
        int base;
        try {
            base = Integer.parseInt(params.getOrDefault("baseVersion", ""));
        } catch (NumberFormatException e) {
            base = -1;
        }
        if (!errors.isEmpty()) {
            return form.apply(draft, errors);
        }
        boolean restart;
        try {
            restart = pathways.edit(
                    pathway.id(),
                    base,
                    new Pathways.Heading(
                            draft.get("patientGroup").strip(),
                            draft.get("specialty").strip(),
                            PathwayForm.reviewDate(draft)),
                    PathwayForm.sections(draft),
                    PathwayController.kind(draft.get("changeKind")),
                    "true".equals(draft.get("extraWork")),
                    editedBy);
        } catch (RuleViolation stale) {
            return form.apply(draft, Map.of("patientGroup", stale.messageKey()));
        }
        if (restart) {
            approvals.restart(pathway.id());
        }
        redirect.addFlashAttribute(
                "success", restart ? "publishing.pathway.savedRestarted" : "publishing.pathway.saved");
        return "redirect:" + back;
    }
}
