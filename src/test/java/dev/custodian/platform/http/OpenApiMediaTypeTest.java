package dev.custodian.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiMediaTypeTest {

    @Test
    void yaml_is_labelled_as_yaml_and_everything_else_as_it_was() {
        assertThat(OpenApiMediaType.relabelled("text/plain")).isEqualTo("application/yaml");
        assertThat(OpenApiMediaType.relabelled("text/plain;charset=UTF-8")).isEqualTo("application/yaml;charset=UTF-8");
        assertThat(OpenApiMediaType.relabelled("application/json")).isEqualTo("application/json");
        assertThat(OpenApiMediaType.relabelled(null)).isNull();
    }

    @Test
    void a_client_asking_for_yaml_is_recognised_and_json_wins_where_both_are_accepted() {
        assertThat(OpenApiMediaType.asksForYaml("application/yaml")).isTrue();
        assertThat(OpenApiMediaType.asksForYaml("text/yaml, */*;q=0.1")).isTrue();
        assertThat(OpenApiMediaType.asksForYaml("application/json, application/yaml;q=0.5")).isFalse();
        assertThat(OpenApiMediaType.asksForYaml("*/*")).isFalse();
    }
}
