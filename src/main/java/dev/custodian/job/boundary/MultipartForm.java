package dev.custodian.job.boundary;

import dev.custodian.job.control.InvalidJobRequestException;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Named parts of a multipart/form-data submission. */
record MultipartForm(List<EntityPart> parts) {

    static MultipartForm of(List<EntityPart> parts) {
        return new MultipartForm(parts == null ? List.of() : parts);
    }

    Optional<EntityPart> part(String name) {
        return parts.stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    Optional<String> text(String name) {
        return part(name).map(p -> {
            try {
                return p.getContent(String.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).map(String::trim).filter(s -> !s.isEmpty());
    }

    Integer integer(String name) {
        return text(name).map(value -> {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw new InvalidJobRequestException(name + " '" + value + "' is not a number");
            }
        }).orElse(null);
    }
}
