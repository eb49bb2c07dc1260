package dev.custodian.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataSizesTest {

    @ParameterizedTest
    @CsvSource({"100MB, 104857600", "512kb, 524288", "1GB, 1073741824", "42, 42", "7b, 7"})
    void parses_binary_units(String text, long bytes) {
        assertThat(DataSizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1MB", "1.5MB", "ten", "99999999999999TB"})
    void rejects_what_is_not_a_size(String text) {
        assertThatThrownBy(() -> DataSizes.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
