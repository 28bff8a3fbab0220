package dk.samspil.directory;

import dk.samspil.directory.Views.ClusterView;
import dk.samspil.directory.Views.MemberView;
import dk.samspil.security.Access;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import dk.samspil.security.UserAdministration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A cluster's register pages: the cluster, its practices and members, and the CSV import. Coordinators reach
 * their own cluster only; administrators every cluster.
 */
@Controller
class ClusterController {

    static final String LIST_VIEW = "directory/clusters";
    static final String CLUSTER_VIEW = "directory/cluster";
    static final String CLUSTER_FORM = "directory/cluster-form";
    static final String PRACTICE_FORM = "directory/practice-form";
    static final String MEMBER_FORM = "directory/member-form";
    static final String IMPORT_VIEW = "directory/import";

    static final String PENDING_VIEW = "directory/pending-practices";

    private final Directory directory;
    private final ClusterRegister register;
    private final RegisterImport registerImport;
    private final PracticeConfirmation confirmation;
    private final Access access;
    private final UserAdministration accounts;

    ClusterController(
            Directory directory,
            ClusterRegister register,
            RegisterImport registerImport,
            PracticeConfirmation confirmation,
            Access access,
            UserAdministration accounts) {
        this.accounts = accounts;
        this.directory = directory;
        this.register = register;
        this.registerImport = registerImport;
        this.confirmation = confirmation;
        this.access = access;
    }

    @GetMapping("/klynger")
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        model.addAttribute("clusters", directory.clustersVisibleTo(user));
        return LIST_VIEW;
    }

    @GetMapping("/klynger/{clusterId}")
    String show(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long clusterId, Model model) {
        ClusterView cluster = cluster(user, clusterId);
        model.addAttribute("cluster", cluster);
        model.addAttribute("practices", directory.registeredPractices(clusterId));
        List<MemberView> members = directory.members(clusterId);
        model.addAttribute("members", members);
        var inUse = accounts.emailsInUse(
                members.stream().map(MemberView::email).filter(e -> e != null).toList());
        model.addAttribute(
                "withAccount",
                members.stream()
                        .filter(m -> m.email() != null
                                && inUse.contains(m.email().strip().toLowerCase(Locale.ROOT)))
                        .map(MemberView::id)
                        .collect(Collectors.toSet()));
        return CLUSTER_VIEW;
    }

    // --- the cluster itself ---

    @GetMapping("/admin/klynger/ny")
    String newCluster(Model model) {
        model.addAttribute("clusterForm", new ClusterForm());
        return clusterForm(model, null);
    }

    @PostMapping("/admin/klynger")
    String createCluster(
            @Valid @ModelAttribute ClusterForm clusterForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors() && register.clusterNameTaken(clusterForm.getName(), null)) {
            result.rejectValue("name", "cluster.name.duplicate");
        }
        if (result.hasErrors()) {
            return clusterForm(model, null);
        }
        long id = register.createCluster(clusterForm);
        redirect.addFlashAttribute("success", "cluster.created");
        return "redirect:/klynger/" + id;
    }

    @GetMapping("/klynger/{clusterId}/rediger")
    String editCluster(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long clusterId, Model model) {
        ClusterView cluster = cluster(user, clusterId);
        model.addAttribute("clusterForm", ClusterForm.of(cluster));
        return clusterForm(model, cluster);
    }

    @PostMapping("/klynger/{clusterId}/rediger")
    String updateCluster(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long clusterId,
            @Valid @ModelAttribute ClusterForm clusterForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        ClusterView cluster = cluster(user, clusterId);
        if (!result.hasErrors() && register.clusterNameTaken(clusterForm.getName(), clusterId)) {
            result.rejectValue("name", "cluster.name.duplicate");
        }
        if (result.hasErrors()) {
            return clusterForm(model, cluster);
        }
        register.updateCluster(clusterId, clusterForm);
        redirect.addFlashAttribute("success", "cluster.saved");
        return "redirect:/klynger/" + clusterId;
    }

    private String clusterForm(Model model, ClusterView cluster) {
        model.addAttribute("cluster", cluster);
        model.addAttribute("regions", directory.regions());
        model.addAttribute("municipalities", directory.municipalities());
        return CLUSTER_FORM;
    }

    // --- practices ---

    @GetMapping("/klynger/{clusterId}/praksis/ny")
    String newPractice(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long clusterId, Model model) {
        model.addAttribute("cluster", cluster(user, clusterId));
        model.addAttribute("practiceForm", new PracticeForm());
        return PRACTICE_FORM;
    }

    @GetMapping("/klynger/{clusterId}/praksis/{practiceId}")
    String editPractice(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long clusterId,
            @PathVariable long practiceId,
            Model model) {
        model.addAttribute("cluster", cluster(user, clusterId));
        model.addAttribute("practiceId", practiceId);
        model.addAttribute("practiceForm", PracticeForm.of(practice(user, clusterId, practiceId)));
        return PRACTICE_FORM;
    }

    @PostMapping({"/klynger/{clusterId}/praksis", "/klynger/{clusterId}/praksis/{practiceId}"})
    String savePractice(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long clusterId,
            @PathVariable(required = false) Long practiceId,
            @Valid @ModelAttribute PracticeForm practiceForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("cluster", cluster(user, clusterId));
        if (practiceId != null) {
            practice(user, clusterId, practiceId);
            model.addAttribute("practiceId", practiceId);
        }
        if (!result.hasErrors()) {
            register.savePractice(clusterId, practiceId, practiceForm)
                    .ifPresent(conflict -> result.rejectValue("ydernummer", conflict));
        }
        if (result.hasErrors()) {
            return PRACTICE_FORM;
        }
        redirect.addFlashAttribute("success", "practice.saved");
        return "redirect:/klynger/" + clusterId;
    }

    @PostMapping("/klynger/{clusterId}/praksis/{practiceId}/slet")
    String deletePractice(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long clusterId,
            @PathVariable long practiceId,
            RedirectAttributes redirect) {
        cluster(user, clusterId);
        practice(user, clusterId, practiceId);
        register.deletePractice(clusterId, practiceId);
        redirect.addFlashAttribute("success", "practice.deleted");
        return "redirect:/klynger/" + clusterId;
    }

    // --- members ---

    @GetMapping("/klynger/{clusterId}/medlemmer/ny")
    String newMember(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long clusterId, Model model) {
        model.addAttribute("memberForm", new MemberForm());
        return memberForm(model, cluster(user, clusterId), null);
    }

    @GetMapping("/klynger/{clusterId}/medlemmer/{memberId}")
    String editMember(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long clusterId,
            @PathVariable long memberId,
            Model model) {
        ClusterView cluster = cluster(user, clusterId);
        model.addAttribute("memberForm", MemberForm.of(member(user, clusterId, memberId)));
        return memberForm(model, cluster, memberId);
    }

    @PostMapping({"/klynger/{clusterId}/medlemmer", "/klynger/{clusterId}/medlemmer/{memberId}"})
    String saveMember(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long clusterId,
            @PathVariable(required = false) Long memberId,
            @Valid @ModelAttribute MemberForm memberForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        ClusterView cluster = cluster(user, clusterId);
        if (memberId != null) {
            member(user, clusterId, memberId);
        }
        if (!result.hasErrors()) {
            register.saveMember(clusterId, memberId, memberForm)
                    .ifPresent(conflict -> result.rejectValue(
                            conflict.startsWith("member.practice") ? "practiceId" : "email", conflict));
        }
        if (result.hasErrors()) {
            return memberForm(model, cluster, memberId);
        }
        redirect.addFlashAttribute("success", "member.saved");
        return "redirect:/klynger/" + clusterId;
    }

    @PostMapping("/klynger/{clusterId}/medlemmer/{memberId}/slet")
    String deleteMember(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long clusterId,
            @PathVariable long memberId,
            RedirectAttributes redirect) {
        cluster(user, clusterId);
        member(user, clusterId, memberId);
        register.deleteMember(clusterId, memberId);
        redirect.addFlashAttribute("success", "member.deleted");
        return "redirect:/klynger/" + clusterId;
    }

    /** The coordinator invites a member to an account of their own: read-only (role MEMBER) in this cluster. */
    @PostMapping("/klynger/{clusterId}/medlemmer/{memberId}/konto")
    String inviteMember(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long clusterId,
            @PathVariable long memberId,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        cluster(user, clusterId);
        MemberView member = member(user, clusterId, memberId);
        if (member.email() == null || member.email().isBlank()) {
            redirect.addFlashAttribute("error", "member.account.noEmail");
        } else if (accounts.emailInUse(member.email())) {
            redirect.addFlashAttribute("error", "member.account.exists");
        } else {
            accounts.invite(
                    member.email(),
                    member.name(),
                    Role.MEMBER,
                    "C:" + clusterId,
                    user.getUsername(),
                    request.getRemoteAddr());
            redirect.addFlashAttribute("success", "member.account.invited");
        }
        return "redirect:/klynger/" + clusterId + "#medlemmer";
    }

    private String memberForm(Model model, ClusterView cluster, Long memberId) {
        model.addAttribute("cluster", cluster);
        model.addAttribute("memberId", memberId);
        model.addAttribute("practices", directory.registeredPractices(cluster.id()));
        return MEMBER_FORM;
    }

    // --- the consultant's confirmation of new ydernumre ---

    @GetMapping("/praksis-til-bekraeftelse")
    String pending(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        access.require(confirmation.mayDecide(user), user, "practice-confirmation");
        model.addAttribute("pending", confirmation.pending(user));
        return PENDING_VIEW;
    }

    @PostMapping("/praksis-til-bekraeftelse/{practiceId}")
    String decide(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long practiceId,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        access.require(confirmation.mayDecide(user), user, "practice-confirmation");
        String outcome = confirmation
                .decide(user, practiceId, confirm)
                .orElseThrow(() -> new AccessRefusedException("practice:" + practiceId));
        redirect.addFlashAttribute(outcome.endsWith("takenElsewhere") ? "error" : "success", outcome);
        return "redirect:/praksis-til-bekraeftelse";
    }

    // --- import ---

    @GetMapping("/klynger/{clusterId}/import")
    String importPage(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long clusterId, Model model) {
        model.addAttribute("cluster", cluster(user, clusterId));
        model.addAttribute("maxMegabytes", RegisterImport.MAX_BYTES / (1024 * 1024));
        return IMPORT_VIEW;
    }

    @PostMapping("/klynger/{clusterId}/import")
    String importFile(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long clusterId,
            @RequestParam(defaultValue = "PRACTICES") RegisterImport.Kind kind,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        ClusterView cluster = cluster(user, clusterId);
        ImportReport report;
        Path temp = Files.createTempFile("samspil-cluster-import-", ".upload");
        try {
            if (file != null) {
                file.transferTo(temp);
            }
            report = registerImport.importFile(clusterId, kind, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (report.stored()) {
            redirect.addFlashAttribute("success", "import.stored");
            redirect.addFlashAttribute("successArgs", new Object[] {report.created(), report.updated()});
            return "redirect:/klynger/" + clusterId;
        }
        model.addAttribute("cluster", cluster);
        model.addAttribute("kind", kind);
        model.addAttribute("report", report);
        model.addAttribute("maxMegabytes", RegisterImport.MAX_BYTES / (1024 * 1024));
        return IMPORT_VIEW;
    }

    @GetMapping("/klynger/{clusterId}/import/eksempel-{kind}.csv")
    ResponseEntity<byte[]> example(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long clusterId, @PathVariable String kind) {
        cluster(user, clusterId);
        String body = "praksis".equals(kind)
                ? "ydernummer;navn;tilmeldte patienter\n012345;Lægerne i Byen;4.210\n"
                : "navn;e-mail;ydernummer\nAnne Andersen;anne@example.dk;012345\n";
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"eksempel-" + ("praksis".equals(kind) ? "praksis" : "medlemmer")
                                + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    // --- access ---

    private ClusterView cluster(SamspilPrincipal user, long clusterId) {
        access.requireCluster(user, clusterId);
        return directory.cluster(clusterId).orElseThrow(() -> new AccessRefusedException("cluster:" + clusterId));
    }

    private Views.PracticeView practice(SamspilPrincipal user, long clusterId, long practiceId) {
        return directory
                .practice(clusterId, practiceId)
                .orElseThrow(() -> new AccessRefusedException("practice:" + practiceId));
    }

    private Views.MemberView member(SamspilPrincipal user, long clusterId, long memberId) {
        return directory
                .member(clusterId, memberId)
                .orElseThrow(() -> new AccessRefusedException("member:" + memberId));
    }
}
