package dev.custodian.handlers;

import dev.custodian.platform.json.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Running statistics of one CSV column: non-empty count, and min/max/mean while every value is a number. */
final class ColumnStats {

    private final String name;
    private long nonEmpty;
    private boolean numeric = true;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;

    ColumnStats(String name) {
        this.name = name;
    }

    void accept(String raw) {
        String value = raw.trim();
        if (value.isEmpty()) {
            return;
        }
        nonEmpty++;
        if (!numeric) {
            return;
        }
        try {
            double number = Double.parseDouble(value);
            min = Math.min(min, number);
            max = Math.max(max, number);
            sum += number;
        } catch (NumberFormatException e) {
            numeric = false;
        }
    }

    JsonObject toJson() {
        JsonObjectBuilder json = JsonText.object().add("name", name).add("nonEmpty", nonEmpty);
        boolean hasNumbers = numeric && nonEmpty > 0;
        json.add("numeric", hasNumbers);
        if (hasNumbers) {
            json.add("min", min).add("max", max).add("mean", sum / nonEmpty);
        }
        return json.build();
    }
}
