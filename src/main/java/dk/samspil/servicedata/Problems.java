package dk.samspil.servicedata;

import dk.samspil.platform.ProblemList;
import dk.samspil.servicedata.RegisterRows.Problem;
import java.util.Comparator;

/** The problems of one register file, listed by line: the first thousand kept, the rest counted. */
final class Problems extends ProblemList<Problem> {

    Problems() {
        super(Comparator.comparingInt(Problem::line));
    }
}
