package dev.custodian.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSummaryTest {

    @Test
    void reads_quoted_fields_escaped_quotes_and_embedded_line_breaks() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("a,b\r\n\"x, \"\"y\"\"\",\"line\nbreak\"\nlast,\n"));

        assertThat(csv.next()).containsExactly("a", "b");
        assertThat(csv.next()).containsExactly("x, \"y\"", "line\nbreak");
        assertThat(csv.next()).containsExactly("last", "");
        assertThat(csv.next()).isNull();
    }

    @Test
    void a_last_line_without_a_line_break_is_a_record() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("a\n1"));

        assertThat(csv.next()).isEqualTo(List.of("a"));
        assertThat(csv.next()).isEqualTo(List.of("1"));
        assertThat(csv.next()).isNull();
    }

    @Test
    void an_unterminated_quote_is_an_error() {
        CsvReader csv = new CsvReader(new StringReader("\"open,1\n"));

        assertThatThrownBy(csv::next).isInstanceOf(IOException.class).hasMessageContaining("unterminated");
    }

    @Test
    void summarises_numeric_and_text_columns() throws IOException {
        JsonObject summary = CsvSummaryHandler.summarise(new CsvReader(new StringReader("n,name\n1,a\n-3,b\n,c\n8,\n")));

        assertThat(summary.getInt("rows")).isEqualTo(4);
        JsonObject n = summary.getJsonArray("columns").getJsonObject(0);
        assertThat(n.getInt("nonEmpty")).isEqualTo(3);
        assertThat(n.getJsonNumber("min").doubleValue()).isEqualTo(-3.0);
        assertThat(n.getJsonNumber("max").doubleValue()).isEqualTo(8.0);
        assertThat(n.getJsonNumber("mean").doubleValue()).isEqualTo(2.0);
        assertThat(summary.getJsonArray("columns").getJsonObject(1).getBoolean("numeric")).isFalse();
    }

    @Test
    void an_empty_file_is_an_error() {
        assertThatThrownBy(() -> CsvSummaryHandler.summarise(new CsvReader(new StringReader(""))))
                .hasMessageContaining("empty");
    }
}
