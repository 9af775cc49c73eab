package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-01, round 14's class of a launch taken out of the program's task runner (go-29 of {@code heldout14}): an edit
 * replaces {@code s.jobs.Run("name", func() { s.mailer.Send(m) })} by {@code go s.mailer.Send(m)}. The item asks that
 * background work go through one helper that recovers and logs; the change removes the call from that helper, so the
 * goroutine is reported even though the method's body is out of sight. The look-alikes: the same edit that keeps the
 * runner (only renames the task), and a switch from an errgroup-style group call (the function alone, nothing
 * recovered before either) to a bare {@code go}.
 */
class GoLaunchTakenFromRunnerTest {

    private static String edit(String removed, String added) {
        return """
                diff --git a/notify/send.go b/notify/send.go
                index 1111111..2222222 100644
                --- a/notify/send.go
                +++ b/notify/send.go
                @@ -30,6 +30,6 @@ func (s *Service) Accept(ctx context.Context, m Message) error {
                 	if err := s.store.Save(ctx, m); err != nil {
                 		return err
                 	}
                -%s
                +%s
                 	return nil
                 }
                """.formatted(removed, added);
    }

    @Test
    void a_call_moved_from_the_runner_to_a_bare_go_statement_is_found() {
        assertEquals(List.of("33:launch-taken-from-runner"), GoRound8ClassesTest.item(
                edit("\ts.jobs.Run(\"send-mail\", func() { s.mailer.Send(m) })", "\tgo s.mailer.Send(m)"), "CONC-01"));
    }

    @Test
    void a_runner_literal_written_over_several_lines_counts_too() {
        String d = """
                diff --git a/notify/send.go b/notify/send.go
                index 1111111..2222222 100644
                --- a/notify/send.go
                +++ b/notify/send.go
                @@ -30,8 +30,6 @@ func (s *Service) Accept(ctx context.Context, m Message) error {
                 	if err := s.store.Save(ctx, m); err != nil {
                 		return err
                 	}
                -	s.jobs.Run("send-mail", func() {
                -		s.mailer.Send(m)
                -	})
                +	go s.mailer.Send(m)
                 	return nil
                 }
                """;
        assertEquals(List.of("33:launch-taken-from-runner"), GoRound8ClassesTest.item(d, "CONC-01"));
    }

    @Test
    void an_edit_that_keeps_the_runner_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(edit("\ts.jobs.Run(\"send-mail\", func() { s.mailer.Send(m) })",
                "\ts.jobs.Run(\"mail\", func() { s.mailer.Send(m) })"), "CONC-01"));
    }

    @Test
    void leaving_a_group_that_recovered_nothing_is_not_this_class() {
        assertEquals(List.of(), GoRound8ClassesTest.item(
                edit("\ts.group.Go(func() { s.mailer.Send(m) })", "\tgo s.mailer.Send(m)"), "CONC-01"));
    }
}
