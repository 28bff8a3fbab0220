package dk.samspil.pko.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseTextsTests {

    @Test
    void refusesCprNumbersWrittenWithAHyphenOrASpace() {
        assertThat(CaseTexts.caseNumberProblem("010190-1234")).contains("pko.audit.case.cpr");
        assertThat(CaseTexts.caseNumberProblem("AUH-311299-0001")).contains("pko.audit.case.cpr");
        assertThat(CaseTexts.looksLikeCpr("se 010190 1234")).isTrue();
    }

    @Test
    void refusesTenDigitsThatBeginWithARealDate() {
        assertThat(CaseTexts.caseNumberProblem("0101901234")).contains("pko.audit.case.cpr");
        assertThat(CaseTexts.caseNumberProblem("2902001234")).contains("pko.audit.case.cpr"); // 29.02.2000
        assertThat(CaseTexts.looksLikeCpr("sag 3112991234 i journal")).isTrue();
    }

    @Test
    void acceptsTenDigitsThatAreNoDateAndLongerRunsOfDigits() {
        assertThat(CaseTexts.caseNumberProblem("9913001234")).isEmpty(); // day 99
        assertThat(CaseTexts.caseNumberProblem("3002991234")).isEmpty(); // 30 February
        assertThat(CaseTexts.caseNumberProblem("2902011234")).isEmpty(); // 29 February 1901/2001
        assertThat(CaseTexts.caseNumberProblem("123456789012")).isEmpty(); // twelve digits: a case number
        assertThat(CaseTexts.looksLikeCpr("01019012345")).isFalse();
    }

    @Test
    void refusesNamesAndTextWithoutDigits() {
        assertThat(CaseTexts.caseNumberProblem("Jens Hansen")).contains("pko.audit.case.name");
        assertThat(CaseTexts.caseNumberProblem("Hansen")).contains("pko.audit.case.name");
        assertThat(CaseTexts.caseNumberProblem("AUH 2024 17")).contains("pko.audit.case.name");
    }

    @Test
    void acceptsTheDepartmentsOwnCaseNumbers() {
        assertThat(CaseTexts.caseNumberProblem("AUH-2024-0117")).isEmpty();
        assertThat(CaseTexts.caseNumberProblem(" RH/4711 ")).isEmpty();
        assertThat(CaseTexts.caseNumberProblem("x".repeat(30) + "1")).contains("pko.audit.case.format");
        assertThat(CaseTexts.caseNumberProblem("AUH#12")).contains("pko.audit.case.format");
        assertThat(CaseTexts.caseNumberProblem("  ")).contains("pko.audit.case.required");
    }

    @Test
    void remarksMayBeEmptyButNeverHoldACprNumber() {
        assertThat(CaseTexts.remarkProblem("")).isEmpty();
        assertThat(CaseTexts.remarkProblem("Epikrisen mangler medicinændringer"))
                .isEmpty();
        assertThat(CaseTexts.remarkProblem("Pt. 010190-1234 mangler")).contains("pko.audit.remark.cpr");
        assertThat(CaseTexts.remarkProblem("x".repeat(301))).contains("pko.audit.remark.tooLong");
    }
}
