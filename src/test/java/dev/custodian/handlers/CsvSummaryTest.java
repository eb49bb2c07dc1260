package dev.custodian.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.execution.PermanentFailure;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
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

        assertThatThrownBy(csv::next).isInstanceOf(PermanentFailure.class).hasMessageContaining("unterminated");
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

    @Test
    void a_record_with_more_columns_than_the_limit_fails_permanently_naming_the_limit() {
        CsvReader csv = new CsvReader(new StringReader("a,b,c,d\n"), new CsvReader.Limits(3, 100, 1000));

        assertThatThrownBy(csv::next).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("more columns than the limit of 3");
    }

    @Test
    void a_field_longer_than_the_limit_fails_permanently_naming_the_limit() {
        CsvReader csv = new CsvReader(new StringReader("a,\"" + "x".repeat(11) + "\"\n"), new CsvReader.Limits(3, 10, 1000));

        assertThatThrownBy(csv::next).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("field longer than the limit of 10 characters");
    }

    @Test
    void a_record_longer_than_the_limit_fails_permanently_naming_the_limit() {
        CsvReader csv = new CsvReader(new StringReader("aaaa,bbbb,cccc\n"), new CsvReader.Limits(3, 10, 10));

        assertThatThrownBy(csv::next).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("record longer than the limit of 10 characters");
    }

    @Test
    void records_within_the_limits_are_read_whole() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("aaa,bbb,ccc\n"), new CsvReader.Limits(3, 3, 9));

        assertThat(csv.next()).containsExactly("aaa", "bbb", "ccc");
    }

    @Test
    void one_line_of_a_million_columns_fails_on_the_default_column_limit_without_reading_it_all() {
        Reader wide = new Reader() {
            long served;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (served >= 2_000_000) {
                    return -1;
                }
                int n = (int) Math.min(length, 2_000_000 - served);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (served + i) % 2 == 0 ? 'a' : ',';
                }
                served += n;
                return n;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> CsvSummaryHandler.summarise(new CsvReader(new BufferedReader(wide))))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("more columns than the limit of 1000");
    }
}
