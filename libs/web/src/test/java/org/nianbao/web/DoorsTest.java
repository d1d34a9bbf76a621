package org.nianbao.web;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DoorsTest {
    private static final Door ADMIN = Door.ADMIN.get(0);

    @Test
    void aDoorGuardsItsPrefixHoweverTheSlashesAreWritten() {
        assertThat(ADMIN.guards("/admin/v1/registry")).isTrue();
        assertThat(ADMIN.guards("//admin//v1/registry")).isTrue();
        assertThat(ADMIN.guards("/admin")).isTrue();
        assertThat(ADMIN.guards("admin/v1")).isTrue();
        assertThat(ADMIN.guards("/api/../admin/v1/registry")).isTrue();
        assertThat(ADMIN.guards("/./admin/v1/registry")).isTrue();
        assertThat(ADMIN.guards("/admin;x=1/v1/registry")).isTrue();
        assertThat(ADMIN.guards("/admin/")).isTrue();
        assertThat(ADMIN.guards("/administration")).isFalse();
        assertThat(ADMIN.guards("/admin/../api/v1/reports")).isFalse();
        assertThat(ADMIN.guards("/api/v1/reports")).isFalse();
        assertThat(ADMIN.setting()).isEqualTo("nianbao.admin-token (NIANBAO_ADMIN_TOKEN)");
    }

    @Test
    void withoutATokenTheApiDoesNotExistAndSaysHowToEnableIt() {
        Response r = Doors.check(new Doors.Guard(ADMIN, Optional.empty()), "Bearer anything");
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) r.getEntity()).detail())
                .isEqualTo("The admin API is disabled: set nianbao.admin-token (NIANBAO_ADMIN_TOKEN).");
    }

    @Test
    void aWrongTokenIsAskedForTheRightOneAndTheRightOnePasses() {
        Doors.Guard guard = new Doors.Guard(ADMIN, Optional.of(Doors.digest("s3cret")));
        for (String wrong : new String[]{null, "", "Bearer", "Bearer s3cre", "Bearer s3cret2", "Basic s3cret"}) {
            Response r = Doors.check(guard, wrong);
            assertThat(r.getStatus()).as(String.valueOf(wrong)).isEqualTo(401);
            assertThat(r.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(((Problem) r.getEntity()).detail()).isEqualTo("The admin API needs 'Authorization: Bearer <admin token>'.");
        }
        assertThat(Doors.check(guard, "Bearer s3cret")).isNull();
        assertThat(Doors.check(guard, "bearer  s3cret ")).isNull();
    }

    @Test
    void aDoorsPrefixStartsAndEndsWithASlash() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Door("/internal", "x", "y", "z"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
