package dev.custodian.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldsTest {

    private static JsonFields read(String json) {
        return JsonFields.body(JsonText.parse(json), "{...}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967306", "4294967297", "1.5", "1e3", "\"3\"", "true", "18446744073709551616", "-2147483649"})
    void a_number_that_is_not_a_whole_int_is_refused_naming_the_field(String value) {
        assertThatThrownBy(() -> read("{\"n\":" + value + "}").integer("n"))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("n must be a whole number");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2147483647, 2147483647", "-5, -5"})
    void whole_numbers_are_read_exactly(String json, int expected) {
        assertThat(read("{\"n\":" + json + "}").integer("n")).contains(expected);
    }

    @Test
    void bounds_are_checked_without_wrapping() {
        assertThatThrownBy(() -> read("{\"n\":101}").integer("n", 1, 100)).hasMessage("n must be a whole number from 1 to 100");
        assertThat(read("{\"n\":100}").integer("n", 1, 100)).contains(100);
    }

    @Test
    void a_string_field_must_be_a_string_without_nul() {
        assertThatThrownBy(() -> read("{\"workerId\":5}").string("workerId")).hasMessage("workerId must be a string");
        assertThatThrownBy(() -> read("{\"workerId\":\"a\\u0000b\"}").string("workerId")).hasMessageContaining("NUL");
        assertThat(read("{\"workerId\":\"w-1\"}").string("workerId")).contains("w-1");
        assertThat(read("{\"workerId\":null}").string("workerId")).isEmpty();
    }

    @Test
    void an_array_of_strings_has_no_null_and_no_other_type() {
        assertThatThrownBy(() -> read("{\"types\":[null]}").strings("types")).hasMessageContaining("types must be an array of strings");
        assertThatThrownBy(() -> read("{\"types\":[\"a\",1]}").strings("types")).hasMessageContaining("types");
        assertThatThrownBy(() -> read("{\"types\":\"a\"}").strings("types")).hasMessageContaining("types");
        assertThat(read("{\"types\":[\"a\",\"b\"]}").strings("types")).contains(java.util.List.of("a", "b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "[true]", "5", "\"text\""})
    void a_body_that_is_not_an_object_is_refused(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("JSON object");
    }

    @Test
    void nested_fields_are_named_with_their_path() {
        assertThatThrownBy(() -> read("{\"backups\":{\"keepLast\":1.5}}").object("backups").orElseThrow().integer("keepLast"))
                .hasMessageStartingWith("backups.keepLast");
    }

    @Test
    void items_of_an_array_of_objects_are_named_by_their_index() {
        JsonFields second = read("{\"items\":[{\"max\":1},{\"max\":1.5}]}").objects("items", 10).orElseThrow().get(1);

        assertThatThrownBy(() -> second.integer("max")).hasMessageStartingWith("items[1].max must be a whole number");
        assertThatThrownBy(() -> read("{\"items\":[{},5]}").objects("items", 10)).hasMessage("items[1] must be an object");
        assertThatThrownBy(() -> read("{\"items\":{}}").objects("items", 10)).hasMessage("items must be an array of objects");
    }

    @Test
    void an_array_longer_than_allowed_is_refused_before_its_items_are_read() {
        assertThatThrownBy(() -> read("{\"items\":[{},{},5]}").objects("items", 2))
                .hasMessage("items holds 3 items; at most 2 are allowed in one call");
        assertThat(read("{}").objects("items", 2)).isEmpty();
    }
}
