package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Set 18's false ERR-01 classes on Go discards ({@code _ = call(...)}), each told from what the code in sight shows
 * (session 26; none of set 18's code is here), with look-alikes that stay reported:
 * <ul>
 * <li>DO, a call that fails only on a programming mistake: cobra's {@code RegisterFlagCompletionFunc} of a flag the
 * file defines above with that literal name; {@code os.Setenv}/{@code os.Unsetenv} of a literal or capitalised
 * constant name.</li>
 * <li>C, best-effort teardown: killing a child process or a job ({@code cmd.Process.Kill()}, {@code Signal}, Windows'
 * {@code TerminateProcess}/{@code TerminateJobObject}, {@code syscall.Kill}).</li>
 * <li>BG, a call that cannot return an error: a {@code Walk}/{@code ForEach}/{@code Each}/{@code Visit} method handed
 * only a function literal that returns nil on every path (an iteration of a structure in memory).</li>
 * <li>FA on CONC-06: an errgroup's {@code Wait} dropped with a comment on the line ({@code //nolint:errcheck}).</li>
 * </ul>
 * Code written for this test.
 */
class GoMistakeAndTeardownDiscardsTest {

    private static List<Integer> lines(String code, String item) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile("cmd/tool/tool.go", code)).active().stream()
                .filter(f -> f.item().equals(item)).map(f -> f.line()).sorted().toList();
    }

    @Test
    void completions_of_flags_defined_above_are_quiet_other_flag_calls_stay_reported() {
        String code = """
                package tool

                func newExportCmd(o *options, shells []string) *cobra.Command {
                \tcmd := &cobra.Command{Use: "export"}
                \tcmd.Flags().StringVarP(&o.format, "format", "f", "json", "output format")
                \t_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"json", "csv"}, 0))
                \tcmd.PersistentFlags().BoolVar(&o.verbose, "verbose", false, "say more")
                \t_ = cmd.RegisterFlagCompletionFunc("verbose", cobra.NoFileCompletions)
                \tcmd.Flags().IntVar(&o.limit, "limit", 100, "rows at most")
                \t_ = cmd.RegisterFlagCompletionFunc("limit", cobra.NoFileCompletions)
                \t_ = cmd.RegisterFlagCompletionFunc("profile", completeProfiles)
                \tfor _, name := range shells {
                \t\t_ = cmd.RegisterFlagCompletionFunc(name, cobra.NoFileCompletions)
                \t}
                \t_ = cmd.RegisterFlagCompletionFunc("since", cobra.NoFileCompletions)
                \tcmd.Flags().StringVar(&o.since, "since", "", "start date")
                \t_ = cmd.RegisterFlagCompletionFunc("until", cobra.NoFileCompletions)
                \t_ = cmd.RegisterFlagCompletionFunc("until", completeDates)
                \t_ = cmd.Flags().Set("format", o.defaultFormat)
                \treturn cmd
                }
                """;
        assertEquals(List.of(11, 13, 15, 17, 18, 19), lines(code, "ERR-01"));
    }

    @Test
    void environment_names_fixed_in_the_code_are_quiet_names_from_values_stay_reported() {
        String code = """
                package tool

                const GitDirVar = "GIT_DIR"

                func (r *Runner) prepare(env map[string]string, key, dir string) error {
                \t_ = os.Unsetenv(GitDirVar)
                \t_ = os.Unsetenv("GIT_WORK_TREE")
                \t_ = os.Setenv("TZ", "UTC")
                \t_ = os.Setenv(config.HomeVar, dir)
                \t_ = os.Unsetenv(key)
                \tfor k, v := range env {
                \t\t_ = os.Setenv(k, v)
                \t\t_ = os.Setenv(strings.ToUpper(k), v)
                \t}
                \t_ = os.Chdir(dir)
                \t_ = os.Setenv(r.prefix+"_HOME", dir)
                \treturn r.start()
                }
                """;
        assertEquals(List.of(10, 12, 13, 15, 16), lines(code, "ERR-01"));
    }

    @Test
    void kills_of_processes_and_jobs_are_quiet_starts_and_other_process_calls_stay_reported() {
        String code = """
                package tool

                func (p *Pipeline) start(ctx context.Context, cmds []*exec.Cmd) error {
                \tfor i, c := range cmds {
                \t\tif err := c.Start(); err != nil {
                \t\t\tfor _, started := range cmds[:i] {
                \t\t\t\t_ = started.Process.Kill()
                \t\t\t\t_ = started.Process.Signal(os.Interrupt)
                \t\t\t}
                \t\t\tp.failures++
                \t\t}
                \t}
                \t_ = windows.TerminateJobObject(p.job, 1)
                \t_ = windows.TerminateProcess(p.host, 1)
                \t_ = syscall.Kill(-p.pgid, syscall.SIGKILL)
                \t_ = p.next.Start()
                \t_ = p.tail.Run()
                \t_ = p.docker.ContainerKill(ctx, p.id, "SIGKILL")
                \t_ = windows.AssignProcessToJobObject(p.job, p.host)
                \t_ = unix.Setpgid(0, 0)
                \treturn p.wait(ctx)
                }
                """;
        assertEquals(List.of(16, 17, 18, 19, 20), lines(code, "ERR-01"));
    }

    @Test
    void walks_of_own_structures_whose_callbacks_return_nil_are_quiet_others_stay_reported() {
        String code = """
                package tool

                func (t *Tree) summary(ctx context.Context, store Store, q *Queue) ([]string, error) {
                \tvar paths []string
                \t_ = t.root.ForEachFile(func(f *File) error {
                \t\tpaths = append(paths, f.Name)
                \t\treturn nil
                \t})
                \t_ = t.root.Walk(func(n *Node) error {
                \t\tif n.Hidden {
                \t\t\treturn nil
                \t\t}
                \t\tn.Size = 0
                \t\treturn nil
                \t})
                \t_ = t.index.EachEntry(func(e Entry) error {
                \t\tt.count++
                \t\treturn nil
                \t})
                \t_ = t.root.ForEachFile(func(f *File) error {
                \t\treturn f.Validate()
                \t})
                \t_ = store.Walk(ctx, func(o Object) error {
                \t\treturn nil
                \t})
                \t_ = t.root.ForEachFile(t.visit)
                \t_ = q.EachPending(func(j Job) error {
                \t\tif j.Done {
                \t\t\treturn nil
                \t\t}
                \t\treturn j.Retry()
                \t})
                \t_ = t.remote.VisitObjects(func(o Object) error {
                \t\treturn nil
                \t}, t.bucket)
                \treturn paths, nil
                }
                """;
        assertEquals(List.of(20, 23, 26, 27, 33), lines(code, "ERR-01"));
    }

    @Test
    void a_group_wait_dropped_with_a_comment_is_quiet_without_one_it_stays_reported() {
        String code = """
                package tool

                func fanOut(ctx context.Context, parts []Part) {
                \tg, ctx := errgroup.WithContext(ctx)
                \tfor _, p := range parts {
                \t\tg.Go(func() error { return p.Send(ctx) })
                \t}
                \tg.Wait() //nolint:errcheck // each part records its own failure
                }

                func fanIn(ctx context.Context, parts []Part) {
                \tvar g errgroup.Group
                \tfor _, p := range parts {
                \t\tg.Go(func() error { return p.Receive(ctx) })
                \t}
                \t_ = g.Wait() // failures are in each part's status
                }

                func fanAll(ctx context.Context, parts []Part) {
                \tg := new(errgroup.Group)
                \tfor _, p := range parts {
                \t\tg.Go(func() error { return p.Flush(ctx) })
                \t}
                \tdefer g.Wait() // the deferred wait only holds the return until the flushes end
                }

                func fanOutLoud(ctx context.Context, parts []Part) {
                \tg, ctx := errgroup.WithContext(ctx)
                \tfor _, p := range parts {
                \t\tg.Go(func() error { return p.Send(ctx) })
                \t}
                \tg.Wait()
                }

                func fanInLoud(ctx context.Context, parts []Part) {
                \tvar g errgroup.Group
                \tfor _, p := range parts {
                \t\tg.Go(func() error { return p.Receive(ctx) })
                \t}
                \t_ = g.Wait()
                }
                """;
        assertEquals(List.of(32, 40), lines(code, "CONC-06"));
    }
}
