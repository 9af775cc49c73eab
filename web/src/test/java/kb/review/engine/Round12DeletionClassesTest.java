package kb.review.engine;

import static kb.review.engine.Round12ClassesTest.edit;
import static kb.review.engine.Round12ClassesTest.hunk;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Round-12 classes of edits that take away a release, a recovery or an error path: a release deleted in a later hunk
 * than its acquisition, a framework callback that cleared a thread-local deleted whole, a goroutine's recover deleted
 * or its launch unwrapped, a returned error turned into a bare call. Each defect sits next to the look-alike the same
 * rule must stay silent on; the fixtures are written for these tests. Split from {@link Round12ClassesTest}, whose
 * diff builders they share. Findings are compared as "line:item".
 */
class Round12DeletionClassesTest {

    // --- class 1: a release deleted in a later hunk than the acquisition the change also touches (RES-01, TX-01) ---

    @Test
    void a_close_deleted_below_an_acquisition_whose_comment_the_change_edits_is_reported_at_the_acquisition() {
        String diff = edit("store/index.go",
                hunk(8, 8, "import (", """
                         
                         // Keys lists the keys of one shard.
                         func (s *Store) Keys(shard string) ([]string, error) {
                        -	f, err := os.Open(s.path(shard)) // read-only
                        +	f, err := os.Open(s.path(shard))
                         	if err != nil {
                         		return nil, err
                         	}
                        """),
                hunk(20, 20, "func (s *Store) Keys(shard string) ([]string, error) {", """
                         		keys = append(keys, sc.Text())
                         	}
                        -	if err := f.Close(); err != nil {
                        -		return nil, err
                        -	}
                         	return keys, sc.Err()
                         }
                        """));
        assertEquals(List.of("11:RES-01"), items(diff));
    }

    @Test
    void the_same_close_moved_into_a_defer_below_the_acquisition_is_clean() {
        String diff = edit("store/index.go",
                hunk(8, 8, "import (", """
                         
                         // Keys lists the keys of one shard.
                         func (s *Store) Keys(shard string) ([]string, error) {
                        -	f, err := os.Open(s.path(shard)) // read-only
                        +	f, err := os.Open(s.path(shard))
                         	if err != nil {
                         		return nil, err
                         	}
                        +	defer f.Close()
                        """),
                hunk(20, 21, "func (s *Store) Keys(shard string) ([]string, error) {", """
                         		keys = append(keys, sc.Text())
                         	}
                        -	if err := f.Close(); err != nil {
                        -		return nil, err
                        -	}
                         	return keys, sc.Err()
                         }
                        """));
        assertEquals(List.of(), items(diff));
    }

    @Test
    void a_rollback_deleted_in_a_later_hunk_is_reported_where_the_manual_transaction_begins() {
        String diff = edit("src/main/java/a/Ledger.java",
                hunk(12, 12, "public class Ledger {", """
                         
                             public void transfer(long from, long to, long cents) throws SQLException {
                                 try (Connection con = pool.getConnection()) {
                                     con.setAutoCommit(false);
                        -            try {
                                         debit(con, from, cents);
                                         credit(con, to, cents);
                        """),
                hunk(22, 21, "public class Ledger {", """
                                         con.commit();
                        -            } catch (SQLException e) {
                        -                con.rollback();
                        -                throw e;
                        -            }
                                 }
                             }
                        """));
        assertEquals(List.of("15:TX-01"), items(diff));
    }

    @Test
    void a_rollback_the_change_puts_back_in_a_wider_catch_is_clean() {
        String diff = edit("src/main/java/a/Ledger.java",
                hunk(12, 12, "public class Ledger {", """
                         
                             public void transfer(long from, long to, long cents) throws SQLException {
                                 try (Connection con = pool.getConnection()) {
                                     con.setAutoCommit(false);
                                     try {
                                         debit(con, from, cents);
                                         credit(con, to, cents);
                        """),
                hunk(22, 22, "public class Ledger {", """
                                         con.commit();
                        -            } catch (SQLException e) {
                        -                con.rollback();
                        +            } catch (SQLException | RuntimeException e) {
                        +                con.rollback();
                                         throw e;
                                     }
                                 }
                        """));
        assertEquals(List.of(), items(diff));
    }

    // --- class 2: a framework callback that cleared a thread-local, deleted whole (CONC-04) ---

    @Test
    void deleting_the_callback_that_removed_a_thread_local_the_kept_code_sets_is_reported_at_the_set() {
        String diff = edit("src/main/java/a/LocaleInterceptor.java",
                hunk(9, 9, "public class LocaleInterceptor implements HandlerInterceptor {", """
                             @Override
                             public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object h) {
                                 RequestLocale.set(req.getLocale());
                                 return true;
                             }
                        -
                        -    @Override
                        -    public void afterCompletion(HttpServletRequest req, HttpServletResponse res, Object h, Exception e) {
                        -        RequestLocale.remove();
                        -    }
                         }
                        """));
        assertEquals(List.of("11:CONC-04"), items(diff));
    }

    @Test
    void deleting_the_callback_together_with_the_set_it_cleared_is_clean() {
        String diff = edit("src/main/java/a/LocaleInterceptor.java",
                hunk(9, 9, "public class LocaleInterceptor implements HandlerInterceptor {", """
                             @Override
                             public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object h) {
                        -        RequestLocale.set(req.getLocale());
                                 return true;
                             }
                        -
                        -    @Override
                        -    public void afterCompletion(HttpServletRequest req, HttpServletResponse res, Object h, Exception e) {
                        -        RequestLocale.remove();
                        -    }
                         }
                        """));
        assertEquals(List.of(), items(diff));
    }

    // --- class 3: an edit that takes the panic recovery away from a goroutine it keeps (CONC-01) ---

    @Test
    void a_deleted_deferred_recover_and_an_unwrapped_launch_are_reported_at_the_goroutines() {
        String diff = edit("pool/pool.go",
                hunk(20, 20, "func (p *Pool) Start(n int) {", """
                         	for i := 0; i < n; i++ {
                         		p.wg.Add(1)
                         		go func(id int) {
                         			defer p.wg.Done()
                        -			defer p.recoverWorker(id)
                         			p.loop(id)
                         		}(i)
                         	}
                        """),
                hunk(40, 39, "func (p *Pool) Flush() {", """
                        -	go withRecovery(func() {
                        +	go func() {
                         		p.flushAll()
                        -	})
                        +	}()
                         }
                        -
                        -func withRecovery(fn func()) {
                        -	defer func() {
                        -		if r := recover(); r != nil {
                        -			log.Printf("flush panicked: %v", r)
                        -		}
                        -	}()
                        -	fn()
                        -}
                        """));
        assertEquals(List.of("22:CONC-01", "39:CONC-01"), items(diff));
    }

    @Test
    void recovery_moved_into_a_helper_the_change_adds_is_clean() {
        String diff = edit("pool/pool.go",
                hunk(20, 20, "func (p *Pool) Start(n int) {", """
                         	for i := 0; i < n; i++ {
                         		p.wg.Add(1)
                         		go func(id int) {
                         			defer p.wg.Done()
                        -			defer p.recoverWorker(id)
                        +			defer p.onPanic(id)
                         			p.loop(id)
                         		}(i)
                         	}
                         }
                        +
                        +func (p *Pool) onPanic(id int) {
                        +	if r := recover(); r != nil {
                        +		p.log.Printf("worker %d panicked: %v", id, r)
                        +	}
                        +}
                        """));
        assertEquals(List.of(), items(diff));
    }

    // --- class 4: an edit that turns a returned error into a bare call (ERR-01) ---

    @Test
    void a_returned_flush_error_turned_into_a_bare_call_is_reported() {
        String diff = edit("export/csv.go",
                hunk(30, 30, "func (e *Exporter) Finish() error {", """
                         	if err := e.w.Write(e.footer()); err != nil {
                         		return err
                         	}
                        -	return e.buf.Flush()
                        +	e.buf.Flush()
                        +	return nil
                         }
                        """));
        assertEquals(List.of("33:ERR-01"), items(diff));
    }

    @Test
    void the_same_error_wrapped_instead_of_returned_as_is_is_clean() {
        String diff = edit("export/csv.go",
                hunk(30, 30, "func (e *Exporter) Finish() error {", """
                         	if err := e.w.Write(e.footer()); err != nil {
                         		return err
                         	}
                        -	return e.buf.Flush()
                        +	if err := e.buf.Flush(); err != nil {
                        +		return fmt.Errorf("flush export: %w", err)
                        +	}
                        +	return nil
                         }
                        """));
        assertEquals(List.of(), items(diff));
    }

    @Test
    void a_deadline_setter_whose_check_is_dropped_is_best_effort_and_clean() {
        String diff = edit("wire/frame.go",
                hunk(50, 50, "func (c *Conn) writeFrame(p []byte) error {", """
                        -	if err := c.nc.SetWriteDeadline(time.Now().Add(c.timeout)); err != nil {
                        -		return err
                        -	}
                        +	c.nc.SetWriteDeadline(time.Now().Add(c.timeout))
                         	_, err := c.nc.Write(p)
                         	return err
                         }
                        """));
        assertEquals(List.of(), items(diff));
    }

    @Test
    void a_change_that_takes_the_checks_off_many_calls_at_once_is_a_sweep_and_clean() {
        String diff = edit("wire/codec.go",
                hunk(70, 70, "func (c *Codec) reset(n int) error {", """
                        -	if err := c.setLimit(n); err != nil {
                        -		return err
                        -	}
                        +	c.setLimit(n)
                        -	if err := c.setOffset(0); err != nil {
                        -		return err
                        -	}
                        +	c.setOffset(0)
                        -	if err := c.setWindow(n / 2); err != nil {
                        -		return err
                        -	}
                        +	c.setWindow(n / 2)
                         	return nil
                         }
                        """));
        assertEquals(List.of(), items(diff));
    }
}
