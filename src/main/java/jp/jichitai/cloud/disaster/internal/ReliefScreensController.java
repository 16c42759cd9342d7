package jp.jichitai.cloud.disaster.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.disaster.DamageLevel;
import jp.jichitai.cloud.disaster.HouseholdCircumstance;
import jp.jichitai.cloud.disaster.RebuildMethod;
import jp.jichitai.cloud.disaster.SupportPaymentItem;
import jp.jichitai.cloud.shared.BusinessException;

/**
 * The screens after the counter: 避難所 (shelters, entry and exit, the offline roster and the review of flagged
 * duplicates), 支援金 (applications, decisions, payments), 義援金 (distribution rounds) and 集計 with the
 * victim registry's CSV. Each screen explains itself in one sentence and works with the keyboard alone.
 */
@Controller
@PreAuthorize("hasAnyRole('CLERK', 'TENANT_ADMIN')")
class ReliefScreensController {

    private final Disasters disasters;
    private final Shelters shelters;
    private final SupportPayments payments;
    private final DonationRounds donations;
    private final DisasterStatistics statistics;
    private final VictimRegistryExport registryExport;
    private final AuditLog auditLog;

    ReliefScreensController(Disasters disasters, Shelters shelters, SupportPayments payments, DonationRounds donations,
            DisasterStatistics statistics, VictimRegistryExport registryExport, AuditLog auditLog) {
        this.disasters = disasters;
        this.shelters = shelters;
        this.payments = payments;
        this.donations = donations;
        this.statistics = statistics;
        this.registryExport = registryExport;
        this.auditLog = auditLog;
    }

    // ---- shelters --------------------------------------------------------------------------------------------

    @GetMapping("/disasters/{id}/shelters")
    String shelters(@PathVariable long id, Model model) {
        model.addAttribute("disaster", disasters.require(id));
        model.addAttribute("shelters", shelters.of(id));
        model.addAttribute("pending", shelters.reviews(id).size());
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "disaster/shelters";
    }

    @PostMapping("/disasters/{id}/shelters")
    String openShelter(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        disasters.require(id);
        return act(redirect, "/disasters/" + id + "/shelters", () -> {
            Integer capacity = integer(form.get("capacity"));
            long shelter = shelters.open(id, form.get("name"), capacity);
            auditLog.record(AuditEvent.of("disaster.shelter.open", "disaster:" + id + " shelter:" + shelter));
            return "避難所を開設しました。";
        });
    }

    @GetMapping("/disasters/{id}/shelters/{shelterId}")
    String shelter(@PathVariable long id, @PathVariable long shelterId, Model model) {
        model.addAttribute("disaster", disasters.require(id));
        List<Shelters.Stay> roster = shelters.roster(id, shelterId);
        auditLog.record(AuditEvent.of("disaster.shelter.roster.view", "disaster:" + id + " shelter:" + shelterId)
                .query(roster.size() + " evacuees"));
        model.addAttribute("shelter", shelters.require(id, shelterId));
        model.addAttribute("roster", roster);
        return "disaster/shelter";
    }

    @PostMapping("/disasters/{id}/shelters/{shelterId}/evacuees")
    String enter(@PathVariable long id, @PathVariable long shelterId, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        disasters.require(id);
        return act(redirect, "/disasters/" + id + "/shelters/" + shelterId, () -> {
            Shelters.Stay stay = shelters.enter(id, shelterId, new Shelters.EntryBody(form.get("atenaNumber"),
                    form.get("name"), form.get("kana"), form.get("birthDate")));
            auditLog.record(AuditEvent.of("disaster.shelter.enter", "disaster:" + id + " shelter:" + shelterId + " stay:"
                    + stay.id() + (stay.atenaNumber() == null ? "" : " atena:" + stay.atenaNumber())));
            return stay.name() + " さんの入所を記録しました。";
        });
    }

    @PostMapping("/disasters/{id}/shelters/{shelterId}/evacuees/{stayId}/exit")
    String leave(@PathVariable long id, @PathVariable long shelterId, @PathVariable long stayId, RedirectAttributes redirect) {
        disasters.require(id);
        if (shelters.requireStay(id, stayId).shelterId() != shelterId) {
            throw new DisasterNotFound("stay " + stayId);
        }
        return act(redirect, "/disasters/" + id + "/shelters/" + shelterId, () -> {
            Shelters.Stay stay = shelters.leave(id, stayId);
            auditLog.record(AuditEvent.of("disaster.shelter.exit", "disaster:" + id + " shelter:" + shelterId + " stay:" + stayId));
            return stay.name() + " さんの退所を記録しました。";
        });
    }

    @PostMapping("/disasters/{id}/shelters/{shelterId}/close")
    String close(@PathVariable long id, @PathVariable long shelterId, RedirectAttributes redirect) {
        disasters.require(id);
        return act(redirect, "/disasters/" + id + "/shelters/" + shelterId, () -> {
            shelters.close(id, shelterId);
            auditLog.record(AuditEvent.of("disaster.shelter.close", "disaster:" + id + " shelter:" + shelterId));
            return "避難所を閉鎖しました。";
        });
    }

    @GetMapping("/disasters/{id}/shelters/{shelterId}/roster.csv")
    ResponseEntity<byte[]> exportRoster(@PathVariable long id, @PathVariable long shelterId,
            @RequestParam(required = false) String encoding) {
        disasters.require(id);
        Charset charset = CsvText.encoding(encoding);
        CsvText.Encoded file = shelters.export(id, shelterId, charset);
        auditLog.record(AuditEvent.of("disaster.shelter.roster.export", "disaster:" + id + " shelter:" + shelterId)
                .query(CsvText.label(charset)));
        return ShelterApiController.csv(file, charset, "shelter-" + shelterId + "-roster.csv");
    }

    @PostMapping("/disasters/{id}/shelters/{shelterId}/roster")
    String mergeRoster(@PathVariable long id, @PathVariable long shelterId, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String encoding, RedirectAttributes redirect) throws IOException {
        disasters.require(id);
        byte[] bytes = file.getBytes();
        try {
            Shelters.MergeOutcome outcome = shelters.merge(id, shelterId, bytes, CsvText.encoding(encoding));
            auditLog.record(AuditEvent.of("disaster.shelter.roster.merge", "disaster:" + id + " shelter:" + shelterId)
                    .query(outcome.toString()));
            redirect.addFlashAttribute("notice", "名簿を取り込みました。追加 " + outcome.added() + "人、退所 " + outcome.exitsRecorded()
                    + "人、変更なし " + outcome.unchanged() + "人、重複の疑い " + outcome.flagged() + "人（確認待ち）。");
        } catch (Shelters.RosterRefused refused) {
            redirect.addFlashAttribute("refusal", refused.japaneseMessage());
            redirect.addFlashAttribute("problems", refused.problems());
        } catch (BusinessException refused) {
            redirect.addFlashAttribute("refusal", refused.japaneseMessage());
        }
        return "redirect:/disasters/" + id + "/shelters/" + shelterId;
    }

    @GetMapping("/disasters/{id}/shelters/reviews")
    String reviews(@PathVariable long id, Model model) {
        model.addAttribute("disaster", disasters.require(id));
        List<Shelters.Review> reviews = shelters.reviews(id);
        auditLog.record(AuditEvent.of("disaster.shelter.review.list", "disaster:" + id).query(reviews.size() + " pairs"));
        model.addAttribute("reviews", reviews);
        Map<Long, String> names = new LinkedHashMap<>();
        shelters.of(id).forEach(shelter -> names.put(shelter.id(), shelter.name()));
        model.addAttribute("shelterNames", names);
        return "disaster/shelter-reviews";
    }

    @PostMapping("/disasters/{id}/shelters/reviews/{stayId}")
    String resolve(@PathVariable long id, @PathVariable long stayId, @RequestParam("decision") String decision,
            RedirectAttributes redirect) {
        disasters.require(id);
        return act(redirect, "/disasters/" + id + "/shelters/reviews", () -> {
            boolean same = "same".equals(decision);
            shelters.resolve(id, stayId, same);
            auditLog.record(AuditEvent.of("disaster.shelter.review.resolve", "disaster:" + id + " stay:" + stayId)
                    .query(same ? "same person" : "different people"));
            return same ? "同じ人として1件にまとめました。" : "別の人として両方を残しました。";
        });
    }

    // ---- support payments ------------------------------------------------------------------------------------

    @GetMapping("/disasters/{id}/payments")
    String payments(@PathVariable long id, Model model) {
        model.addAttribute("disaster", disasters.require(id));
        List<SupportPayments.Application> list = payments.applications(id);
        auditLog.record(AuditEvent.of("disaster.payment.list", "disaster:" + id).query(list.size() + " applications"));
        model.addAttribute("applications", list);
        model.addAttribute("items", SupportPaymentItem.values());
        model.addAttribute("methods", RebuildMethod.values());
        model.addAttribute("circumstances", HouseholdCircumstance.values());
        model.addAttribute("today", DisasterCertificates.today());
        return "disaster/payments";
    }

    @PostMapping("/disasters/{id}/payments")
    String apply(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Disaster disaster = disasters.require(id);
        redirect.addFlashAttribute("values", form);
        return act(redirect, "/disasters/" + id + "/payments", () -> {
            LocalDate appliedOn = date(form.get("appliedOn"));
            SupportPaymentItem item = form.get("item") == null || form.get("item").isBlank() ? null
                    : SupportPaymentItem.valueOf(form.get("item"));
            if (item == null) {
                throw Refusals.refusal("E-DIS-0060");
            }
            RebuildMethod method = form.get("rebuildMethod") == null || form.get("rebuildMethod").isBlank() ? null
                    : RebuildMethod.valueOf(form.get("rebuildMethod"));
            HouseholdCircumstance circumstance = form.get("circumstance") == null || form.get("circumstance").isBlank()
                    ? null : HouseholdCircumstance.valueOf(form.get("circumstance"));
            SupportPayments.Application application = payments.apply(disaster, new SupportPayments.ApplicationBody(
                    form.get("atenaNumber"), item, method, circumstance, appliedOn));
            auditLog.record(AuditEvent.of("disaster.payment.apply", "disaster:" + id + " household:" + application.householdNumber()));
            redirect.addFlashAttribute("values", Map.of());
            return "申請を記録しました（申請番号 " + application.id() + "、" + String.format("%,d", application.amount()) + "円）。";
        });
    }

    @PostMapping("/disasters/{id}/payments/{applicationId}/decision")
    String decide(@PathVariable long id, @PathVariable long applicationId, @RequestParam("approved") boolean approved,
            RedirectAttributes redirect) {
        disasters.require(id);
        return act(redirect, "/disasters/" + id + "/payments", () -> {
            payments.decide(id, applicationId, approved);
            auditLog.record(AuditEvent.of("disaster.payment.decide", "disaster:" + id + " application:" + applicationId));
            return "申請番号 " + applicationId + " を" + (approved ? "支給決定" : "不支給決定") + "にしました。";
        });
    }

    @PostMapping("/disasters/{id}/payments/{applicationId}/payment")
    String pay(@PathVariable long id, @PathVariable long applicationId, RedirectAttributes redirect) {
        disasters.require(id);
        return act(redirect, "/disasters/" + id + "/payments", () -> {
            payments.pay(id, applicationId);
            auditLog.record(AuditEvent.of("disaster.payment.pay", "disaster:" + id + " application:" + applicationId));
            return "申請番号 " + applicationId + " の支給を記録しました。";
        });
    }

    // ---- donation rounds -------------------------------------------------------------------------------------

    @GetMapping("/disasters/{id}/donations")
    String donations(@PathVariable long id, @RequestParam(required = false) Long round, Model model) {
        model.addAttribute("disaster", disasters.require(id));
        model.addAttribute("rounds", donations.of(id));
        model.addAttribute("levels", DamageLevel.values());
        if (round != null) {
            List<DonationRounds.Household> households = donations.households(id, round);
            auditLog.record(AuditEvent.of("disaster.donation.list", "disaster:" + id + " round:" + round)
                    .query(households.size() + " households"));
            model.addAttribute("round", donations.require(id, round));
            model.addAttribute("households", households);
        }
        return "disaster/donations";
    }

    @PostMapping("/disasters/{id}/donations")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String createRound(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        disasters.require(id);
        return act(redirect, "/disasters/" + id + "/donations", () -> {
            Map<String, Long> amounts = new LinkedHashMap<>();
            for (DamageLevel level : DamageLevel.values()) {
                String text = form.getOrDefault("amount-" + level.name(), "").replace(",", "").strip();
                if (!text.isEmpty()) {
                    try {
                        amounts.put(level.japaneseName(), Long.parseLong(text));
                    } catch (NumberFormatException notANumber) {
                        throw Refusals.refusal("E-DIS-0056", level.japaneseName(), text);
                    }
                }
            }
            long round = donations.create(id, form.get("name"), amounts);
            auditLog.record(AuditEvent.of("disaster.donation.round", "disaster:" + id + " round:" + round));
            return "配分を登録しました。";
        });
    }

    @PostMapping("/disasters/{id}/donations/{roundId}/payments")
    String payDonation(@PathVariable long id, @PathVariable long roundId, @RequestParam("householdNumber") String household,
            RedirectAttributes redirect) {
        disasters.require(id);
        return act(redirect, "/disasters/" + id + "/donations?round=" + roundId, () -> {
            DonationRounds.Household paid = donations.pay(id, roundId, household);
            auditLog.record(AuditEvent.of("disaster.donation.pay", "disaster:" + id + " round:" + roundId + " household:"
                    + paid.householdNumber()));
            return "世帯 " + paid.householdNumber() + " への支給（" + String.format("%,d", paid.amount()) + "円）を記録しました。";
        });
    }

    // ---- statistics ------------------------------------------------------------------------------------------

    @GetMapping("/disasters/{id}/statistics")
    String statistics(@PathVariable long id, Model model) {
        Disaster disaster = disasters.require(id);
        model.addAttribute("disaster", disaster);
        model.addAttribute("summary", statistics.of(disaster));
        return "disaster/statistics";
    }

    @GetMapping("/disasters/{id}/victims.csv")
    ResponseEntity<byte[]> victimsCsv(@PathVariable long id, @RequestParam(required = false) String encoding) {
        Disaster disaster = disasters.require(id);
        Charset charset = CsvText.encoding(encoding);
        VictimRegistryExport.Export export = registryExport.export(disaster, charset);
        auditLog.record(AuditEvent.of("disaster.victim.export", "disaster:" + id)
                .query(export.people() + " people, " + CsvText.label(charset)));
        return ShelterApiController.csv(export.file(), charset, "disaster-" + id + (disaster.drill() ? "-drill" : "")
                + "-victims.csv");
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    private interface Action {
        String run();
    }

    /** Runs an action and goes back to the screen with its notice, or with the Japanese refusal. */
    private static String act(RedirectAttributes redirect, String back, Action action) {
        try {
            redirect.addFlashAttribute("notice", action.run());
        } catch (BusinessException refused) {
            redirect.addFlashAttribute("refusal", refused.japaneseMessage());
        }
        return "redirect:" + back;
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw Refusals.refusal("E-DIS-0061");
        }
    }

    @ExceptionHandler(DisasterNotFound.class)
    String notFound(jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }
}
