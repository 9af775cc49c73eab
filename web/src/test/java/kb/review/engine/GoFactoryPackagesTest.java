package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function of the change that builds a new pool and hands it back is a construction wherever it is called (round 5's
 * helper class, {@code go-client-per-call}). Which calls are its calls is Go's name resolution: a bare name from a file
 * of the same package (one folder), a qualified name whose qualifier is the name the calling file imports the factory's
 * package under. Set 21 showed the other side: with a factory named {@code New} in the change, every {@code errors.New},
 * {@code configfx.New()} and {@code sha256.New()} of the change was reported as a pool built per call. The factories
 * and callers below are written for this test; findings are "path:line:item".
 */
class GoFactoryPackagesTest {

    /** A factory named {@code name} in {@code folder} that builds a fresh client and transport on every call. */
    private static String factory(String folder, String name) {
        String pkg = folder.substring(folder.lastIndexOf('/') + 1);
        return newFile(folder + "/factory.go", """
                package PKG

                import (
                	"net/http"
                	"time"
                )

                func NAME(timeout time.Duration) *http.Client {
                	return &http.Client{
                		Timeout:   timeout,
                		Transport: &http.Transport{MaxIdleConnsPerHost: 8},
                	}
                }
                """.replace("PKG", pkg).replace("NAME", name));
    }

    /** A handler in {@code path} whose import block is {@code imports} and whose per-request line is {@code call}. */
    private static String handler(String path, String imports, String call) {
        String pkg = path.substring(path.lastIndexOf('/', path.lastIndexOf('/') - 1) + 1, path.lastIndexOf('/'));
        return newFile(path, """
                package PKG

                import (
                	"net/http"
                IMPORTS)

                func (s *Server) ServeLookup(w http.ResponseWriter, r *http.Request) {
                	CALL
                	if err != nil {
                		http.Error(w, err.Error(), http.StatusBadGateway)
                		return
                	}
                	w.WriteHeader(http.StatusNoContent)
                }
                """.replace("PKG", pkg).replace("IMPORTS", imports).replace("CALL", call));
    }

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals("RES-04"))
                .map(f -> f.path() + ":" + f.line() + ":" + f.item()).sorted().toList();
    }

    @Test
    void a_call_through_the_factorys_import_is_reported_under_its_own_name_or_an_alias() {
        assertEquals(List.of("internal/api/lookup.go:9:RES-04"), found(factory("internal/store", "Open")
                + handler("internal/api/lookup.go", "\t\"example.com/app/internal/store\"\n",
                        "client, err := store.Open(s.timeout), error(nil)")));
        assertEquals(List.of("internal/api/lookup.go:9:RES-04"), found(factory("internal/store", "Open")
                + handler("internal/api/lookup.go", "\tdb \"example.com/app/internal/store\"\n",
                        "client, err := db.Open(s.timeout), error(nil)")));
        assertEquals(List.of("pkg/relay/lookup.go:9:RES-04"), found(factory("pkg/relay/pgpool", "New")
                + handler("pkg/relay/lookup.go", "\t\"example.com/relay/pkg/relay/pgpool\"\n",
                        "client, err := pgpool.New(s.timeout), error(nil)")));
    }

    @Test
    void a_bare_call_from_a_file_of_the_same_folder_is_the_factorys_call() {
        assertEquals(List.of("internal/store/lookup.go:8:RES-04"), found(factory("internal/store", "Connect")
                + handler("internal/store/lookup.go", "", "client, err := Connect(s.timeout), error(nil)")));
    }

    @Test
    void a_same_named_function_of_another_package_is_not_the_factory() {
        // errors.New, a hash's New, a dependency-injection module's New: the file imports those packages from elsewhere
        assertEquals(List.of(), found(factory("internal/database/postgres", "New")
                + handler("internal/api/lookup.go", "\t\"errors\"\n",
                        "client, err := s.client, errors.New(\"lookup refused\")")));
        assertEquals(List.of(), found(factory("internal/database/postgres", "New")
                + handler("internal/api/lookup.go", "\t\"crypto/sha256\"\n",
                        "h, err := sha256.New(), error(nil)")));
        assertEquals(List.of(), found(factory("internal/database/postgres", "New")
                + handler("internal/api/lookup.go", "\t\"example.com/app/internal/config/configfx\"\n",
                        "opt, err := configfx.New(), error(nil)")));
        // a library package of the same last name (gorm's postgres dialector) is not the change's postgres folder
        assertEquals(List.of(), found(factory("internal/database/postgres", "New")
                + handler("internal/database/gorm.go", "\t\"gorm.io/driver/postgres\"\n",
                        "client, err := postgres.New(s.timeout), error(nil)")));
        // a qualifier naming a package the hunk does not import is taken as Go's usual folder name only
        assertEquals(List.of(), found(factory("internal/database/postgres", "New")
                + handler("internal/api/lookup.go", "", "client, err := mysql.New(s.timeout), error(nil)")));
    }

    @Test
    void a_bare_call_from_another_folder_names_a_function_of_its_own_package() {
        assertEquals(List.of(), found(factory("internal/store", "Connect")
                + handler("internal/api/lookup.go", "", "client, err := Connect(s.timeout), error(nil)")));
    }
}
