package jp.jichitai.cloud.fitgap.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.jichitai.cloud.fitgap.FitGapMessages;
import jp.jichitai.cloud.fitgap.ProcedureStep;
import jp.jichitai.cloud.fitgap.ProcedureTemplate;
import jp.jichitai.cloud.fitgap.Provenance;
import jp.jichitai.cloud.fitgap.ReadinessCheck;
import jp.jichitai.cloud.fitgap.StepNumber;
import jp.jichitai.cloud.shared.BusinessException;

/**
 * Reads a procedure template from UTF-8 TSV: {@code template}, {@code step} and {@code check} lines,
 * {@code #} comments. A malformed line is refused with its line number, so that whoever edits the
 * template sees where.
 */
public final class TemplateReader {

    private TemplateReader() {
    }

    public static ProcedureTemplate fromClassPath(String resource) {
        InputStream stream = TemplateReader.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw FitGapMessages.refusal("E-FIT-0005", resource);
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return read(resource, reader);
        } catch (IOException e) {
            throw FitGapMessages.refusal("E-FIT-0004", resource, 0, e.getMessage());
        }
    }

    public static ProcedureTemplate read(String name, Reader source) throws IOException {
        String[] header = null;
        Map<StepNumber, String[]> steps = new LinkedHashMap<>();
        Map<StepNumber, List<ReadinessCheck>> checks = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            try {
                switch (fields[0]) {
                    case "template" -> {
                        expect(fields, 4);
                        header = fields;
                    }
                    case "step" -> {
                        expect(fields, 5);
                        StepNumber number = StepNumber.of(fields[1]);
                        if (steps.put(number, fields) != null) {
                            throw FitGapMessages.refusal("E-FIT-0006", number);
                        }
                    }
                    case "check" -> {
                        expect(fields, 5);
                        StepNumber number = StepNumber.of(fields[1]);
                        if (!steps.containsKey(number)) {
                            throw new IllegalArgumentException("check before its step " + number);
                        }
                        checks.computeIfAbsent(number, key -> new ArrayList<>())
                                .add(new ReadinessCheck(fields[2], fields[3], provenance(fields[4])));
                    }
                    default -> throw new IllegalArgumentException("unknown record kind " + fields[0]);
                }
            } catch (IllegalArgumentException | BusinessException e) {
                throw FitGapMessages.refusal("E-FIT-0004", name, lineNumber, e.getMessage());
            }
        }
        if (header == null) {
            throw FitGapMessages.refusal("E-FIT-0004", name, lineNumber, "no template line");
        }
        List<ProcedureStep> procedureSteps = new ArrayList<>();
        steps.forEach((number, fields) -> procedureSteps.add(new ProcedureStep(number, fields[2], fields[3],
                provenance(fields[4]), checks.getOrDefault(number, List.of()))));
        return new ProcedureTemplate(header[1], header[2], header[3], procedureSteps);
    }

    private static void expect(String[] fields, int count) {
        if (fields.length != count) {
            throw new IllegalArgumentException(count + " columns expected, found " + fields.length);
        }
    }

    private static Provenance provenance(String text) {
        return switch (text) {
            case "seed" -> Provenance.SOURCE_DOCUMENT;
            case "project" -> Provenance.PROJECT;
            default -> throw new IllegalArgumentException("provenance must be seed or project: " + text);
        };
    }
}
