package dk.samspil.servicedata;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.servicedata.DisclosurePolicy.Hidden;
import dk.samspil.servicedata.DisclosurePolicy.Shown;
import dk.samspil.servicedata.DisclosurePolicy.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hard cases of the disclosure policy, and a check that no hidden part can be worked out from what is shown. */
class DisclosurePolicyTests {

    final DisclosurePolicy policy = new DisclosurePolicy(5, 3, 5);

    @Test
    void smallCountsAreShownAsLessThanFiveAndZeroIsShown() {
        assertThat(policy.count(0).text(5)).isEqualTo("0");
        assertThat(policy.count(1).text(5)).isEqualTo("<5");
        assertThat(policy.count(4).text(5)).isEqualTo("<5");
        assertThat(policy.count(5).text(5)).isEqualTo("5");
        assertThat(policy.count(4279).text(5)).as("Danish thousands separator").isEqualTo("4.279");
    }

    @Test
    void oneHiddenCellInARowWithATotalHidesAnotherOne() {
        Table table = policy.withTotal(List.of(3L, 40L, 12L, 90L));
        assertThat(states(table)).containsExactly(Hidden.PRIMARY, Hidden.NO, Hidden.SECONDARY, Hidden.NO);
        assertThat(table.total().visible()).isTrue();
        assertThat(table.total().value()).isEqualTo(145);
        assertUnrecoverable(table);
    }

    @Test
    void twoSmallCellsThatTogetherAreTooSmallGetAThird() {
        // 1 + 1 = 2 would give both back (each is at least 1).
        Table table = policy.withTotal(List.of(1L, 1L, 30L, 50L));
        assertThat(table.parts().stream().filter(s -> !s.visible()).count()).isEqualTo(3);
        assertThat(table.parts().get(2).hidden()).isEqualTo(Hidden.SECONDARY);
        assertUnrecoverable(table);
    }

    @Test
    void twoSmallCellsThatTogetherReachTheThresholdAreEnough() {
        Table table = policy.withTotal(List.of(3L, 4L, 30L));
        assertThat(states(table)).containsExactly(Hidden.PRIMARY, Hidden.PRIMARY, Hidden.NO);
        assertThat(table.total().visible()).isTrue();
    }

    @Test
    void zerosAreShownAndNotUsedToProtect() {
        Table table = policy.withTotal(List.of(0L, 2L, 0L, 25L));
        assertThat(states(table)).containsExactly(Hidden.NO, Hidden.PRIMARY, Hidden.NO, Hidden.SECONDARY);
        assertUnrecoverable(table);
    }

    @Test
    void aClusterOfOnePracticeHidesTheTotalWithTheSmallCount() {
        Table small = policy.withTotal(List.of(3L));
        assertThat(states(small)).containsExactly(Hidden.PRIMARY);
        assertThat(small.total().visible()).isFalse();
        Table large = policy.withTotal(List.of(17L));
        assertThat(states(large)).containsExactly(Hidden.NO);
        assertThat(large.total().text(5)).isEqualTo("17");
    }

    @Test
    void whenNothingIsLeftToHideTheTotalIsHidden() {
        Table table = policy.withTotal(List.of(2L, 0L));
        assertThat(table.total().visible()).isFalse();
        assertThat(table.total().text(5)).isEqualTo("<5");
    }

    @Test
    void nothingSmallMeansNothingHidden() {
        Table table = policy.withTotal(List.of(0L, 5L, 60L));
        assertThat(states(table)).containsOnly(Hidden.NO);
        assertThat(table.total().value()).isEqualTo(65);
    }

    @Test
    void surveyRules() {
        assertThat(policy.surveyShown(2)).isFalse();
        assertThat(policy.surveyShown(3)).isTrue();
        assertThat(policy.breakdownShown(List.of(5, 7))).isTrue();
        assertThat(policy.breakdownShown(List.of(5, 4))).isFalse();
        assertThat(policy.breakdownShown(List.of())).isFalse();
    }

    @Test
    void exhaustivelyNoSmallRowOfThreeCanBeWorkedBack() {
        for (long a = 0; a <= 12; a++) {
            for (long b = 0; b <= 12; b++) {
                for (long c = 0; c <= 12; c++) {
                    assertUnrecoverable(policy.withTotal(List.of(a, b, c)));
                }
            }
        }
    }

    private static List<Hidden> states(Table table) {
        return table.parts().stream().map(Shown::hidden).toList();
    }

    /**
     * What a reader can work out: each primary-hidden part is between 1 and 4, each secondary-hidden part at least
     * 0, and (when the total is shown) the hidden parts sum to the total minus the shown parts. A small count is
     * recoverable when only one value fits it.
     */
    private static void assertUnrecoverable(Table table) {
        if (!table.total().visible()) {
            return;
        }
        long shownSum = table.parts().stream()
                .filter(Shown::visible)
                .mapToLong(Shown::value)
                .sum();
        long hiddenSum = table.total().value() - shownSum;
        List<Shown> hidden = table.parts().stream().filter(s -> !s.visible()).toList();
        for (int i = 0; i < hidden.size(); i++) {
            if (hidden.get(i).hidden() != Hidden.PRIMARY) {
                continue;
            }
            int possible = 0;
            for (long candidate = 1; candidate <= 4; candidate++) {
                long rest = hiddenSum - candidate;
                long othersMin = 0;
                long othersMax = 0;
                boolean unbounded = false;
                for (int j = 0; j < hidden.size(); j++) {
                    if (j == i) {
                        continue;
                    }
                    if (hidden.get(j).hidden() == Hidden.PRIMARY) {
                        othersMin += 1;
                        othersMax += 4;
                    } else {
                        unbounded = true;
                    }
                }
                if (rest >= othersMin && (unbounded || rest <= othersMax)) {
                    possible++;
                }
            }
            assertThat(possible)
                    .as("hidden part " + i + " of " + table + " is pinned down")
                    .isGreaterThan(1);
        }
    }
}
