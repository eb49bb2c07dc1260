package dev.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_value_is_split_at_the_first_colon_so_a_password_may_contain_colons() {
        BasicCredentials login = BasicCredentials.parse(basic("carol:pass:with:colons")).orElseThrow();

        assertThat(login.user()).isEqualTo("carol");
        assertThat(new String(login.password())).isEqualTo("pass:with:colons");
    }

    @Test
    void an_empty_password_and_non_ascii_text_are_read_as_utf_8() {
        assertThat(new String(BasicCredentials.parse(basic("zoë:")).orElseThrow().password())).isEmpty();
        assertThat(BasicCredentials.parse(basic("zoë:pässwörd")).orElseThrow().user()).isEqualTo("zoë");
    }

    @Test
    void the_scheme_is_case_insensitive() {
        assertThat(BasicCredentials.parse("bAsIc " + basic("a:b").substring(6))).isPresent();
    }

    @Test
    void values_that_are_not_base64_of_user_colon_password_are_malformed() {
        assertThat(BasicCredentials.parse("Basic !!!")).isEmpty();
        assertThat(BasicCredentials.parse("Basic")).isEmpty();
        assertThat(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'}))).isEmpty();
        assertThat(BasicCredentials.parse(basic("no-colon"))).isEmpty();
        assertThat(BasicCredentials.parse(basic(":no-user"))).isEmpty();
    }

    @Test
    void other_schemes_are_not_basic() {
        assertThat(BasicCredentials.isBasic("Bearer abc")).isFalse();
        assertThat(BasicCredentials.isBasic("Basically")).isFalse();
        assertThat(BasicCredentials.isBasic(null)).isFalse();
    }
}
