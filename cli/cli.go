// Package cli is Minutebook's command line: the headless subcommands (demo, import, export,
// dump, check, backup) that scripts and the clerk run without the window. It never imports
// Fyne, so a subcommand starts no GUI and prints nothing of it.
//
// Every command is one row of the table below: its name, its usage line, the flags it takes
// and the work it does. Adding a command is adding a row; adding a flag is a field in options
// and a line in the command's flags function. Everything a command says goes to the writers
// Run is given: results to stdout, errors (one plain sentence) and notes to stderr.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/logfile"
	"github.com/minutebook/minutebook/version"
)

// The exit statuses for a usage mistake and a failure.
const (
	exitUsage   = 2
	exitFailure = 1
)

// errUsage marks a mistake in how the command was called.
var errUsage = errors.New("usage")

// command is one row of the table: what is typed, the usage line, the flags, the work.
type command struct {
	name  string                             // "dump", or "export minutes" for a kind of a group
	usage string                             // the synopsis after the name, one line
	about string                             // what it does, for the usage text; may be empty
	flags func(fs *flag.FlagSet, o *options) // registers the flags it takes into o
	run   func(c *call) error
}

// commands is every subcommand, in the order the usage lists them.
var commands = []command{
	{"demo", "--db FILE [--size large]", "write a realistic example database", demoFlags, runDemo},
	{"import", "--db FILE [--body NAME] [--new-body] [--date YYYY-MM-DD] [--as-new] TEXTFILE...", "new meeting(s) from minutes text; prints each id", importFlags, runImport},
	{"export minutes", "--db FILE --meeting ID [--public|--confidential] [--format pdf|docx|html] -o OUT.pdf|.docx|.html", "", exportMinutesFlags, runExportMinutes},
	{"export agenda", "--db FILE --meeting ID [--public|--confidential] [--format pdf|docx|html] -o OUT.pdf|.docx|.html", "", exportAgendaFlags, runExportAgenda},
	{"export pack", "--db FILE --meeting ID [--public|--confidential] -o PACK.pdf", "", exportPackFlags, runExportPack},
	{"export actions", "--db FILE [--body NAME] [--status open|all] [--owner X] [--as-at YYYY-MM-DD] [--public|--confidential] [--format pdf|docx|html|csv] -o OUT.pdf|.docx|.html|.csv", "", exportActionsFlags, runExportActions},
	{"dump", "--db FILE [--meeting ID]", "the database (or one meeting) as JSON", dumpFlags, runDump},
	{"check", "--db FILE", "integrity and schema check", dbFlag, runCheck},
	{"backup", "--db FILE -o COPY", "a consistent copy of a live database", backupFlags, runBackup},
}

// options holds every flag any command takes; each command registers only its own.
type options struct {
	db      string // --db: the database file
	out     string // -o: the file to write
	size    string // demo --size
	meeting int64  // --meeting: a meeting's id
	body    string // --body: a body's name or short code
	date    string // import --date
	newBody bool   // import --new-body
	asNew   bool   // import --as-new
	public  bool   // --public: the public edition (the default; kept for scripts that say so)
	secret  bool   // --confidential: the confidential edition
	format  string // --format: pdf, docx, html (or csv for the action log)
	status  string // export actions --status
	owner   string // export actions --owner
	asAt    string // export actions --as-at
	from    string // export actions --from
	to      string // export actions --to
}

// call is one run of a command: its flags, the arguments left after them, and where to write.
type call struct {
	options
	args           []string
	stdout, stderr io.Writer
}

// Run runs the subcommand named by args[0] with the rest of args and returns the exit
// status: 0, 1 for a failure, 2 for a usage mistake.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || isHelp(args[0]) {
		fmt.Fprint(stdout, Usage())
		return 0
	}
	if isVersion(args[0]) {
		fs := flag.NewFlagSet("minutebook --version", flag.ContinueOnError)
		fs.SetOutput(stderr)
		db := fs.String("db", data.DefaultDatabase(), "the database file")
		if err := fs.Parse(args[1:]); err != nil {
			return exitUsage
		}
		fmt.Fprint(stdout, VersionText(*db))
		return 0
	}
	cmd, rest, err := find(args)
	if errors.Is(err, errNoCommand) {
		fmt.Fprintf(stderr, "minutebook: there is no command %q.\n%s", args[0], Usage())
		return exitUsage
	}
	if err != nil {
		fmt.Fprintln(stderr, "minutebook:", Sentence(err))
		return exitUsage
	}
	if cmd.name == "" { // help for a group: "export help"
		fmt.Fprint(stdout, Usage())
		return 0
	}
	fs := flag.NewFlagSet("minutebook "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: minutebook %s %s\n", cmd.name, cmd.usage)
		fs.PrintDefaults()
	}
	c := &call{stdout: stdout, stderr: stderr}
	cmd.flags(fs, &c.options)
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return exitUsage
	}
	c.args = fs.Args()
	if err := cmd.run(c); err != nil {
		fmt.Fprintln(stderr, "minutebook:", Sentence(err))
		if errors.Is(err, errUsage) {
			return exitUsage
		}
		return exitFailure
	}
	return 0
}

func isHelp(s string) bool { return s == "help" || s == "-h" || s == "--help" }

func isVersion(s string) bool { return s == "version" || s == "-version" || s == "--version" }

// VersionText is what --version prints: the version and build, the licences, and where the
// database at db and its log are, for whoever supports the clerk.
func VersionText(db string) string {
	return version.String() + "\n" +
		version.Copyright + "; " + version.Licence + " (LICENSE).\n" +
		"The PDFs are set in " + version.FontsLicence + " (GO-FONTS-LICENSE).\n" +
		"Database: " + db + "\n" +
		"Log:      " + logfile.For(db) + "\n"
}

// errNoCommand means the first word names no command.
var errNoCommand = errors.New("no such command")

// find picks the command args name: one word ("dump"), or two for a kind of a group
// ("export minutes"); rest is what follows the name. Asking a group for help ("export -h")
// finds the zero command.
func find(args []string) (cmd command, rest []string, err error) {
	word := args[0]
	var kinds []string
	for _, c := range commands {
		if c.name == word {
			return c, args[1:], nil
		}
		if kind, ok := strings.CutPrefix(c.name, word+" "); ok {
			kinds = append(kinds, kind)
		}
	}
	if len(kinds) == 0 {
		return command{}, nil, errNoCommand
	}
	slices.Sort(kinds)
	if len(args) < 2 {
		return command{}, nil, usageError("say what to %s: %s", word, strings.Join(kinds, " or "))
	}
	if isHelp(args[1]) {
		return command{}, nil, nil
	}
	for _, c := range commands {
		if c.name == word+" "+args[1] {
			return c, args[2:], nil
		}
	}
	return command{}, nil, usageError("there is nothing called %q to %s; use %s", args[1], word, strings.Join(kinds, " or "))
}

// Usage is the usage text: a line (or two) for the app and for each command, then where the
// database is when --db is not given.
func Usage() string {
	var b strings.Builder
	b.WriteString("Usage:\n")
	usageLine(&b, "minutebook [--db FILE]", "the desktop app")
	usageLine(&b, "minutebook --version [--db FILE]", "the version, licences, database and log")
	for _, c := range commands {
		usageLine(&b, "minutebook "+c.name+" "+c.usage, c.about)
	}
	fmt.Fprintf(&b, "\n--db defaults to %s\n", data.DefaultDatabase())
	return b.String()
}

// usageLine lays out one command: the synopsis from column 2, wrapped before a flag so that
// no line passes usageWidth, with the description at column usageAbout on the same line when
// the synopsis leaves room, else on a line of its own.
func usageLine(b *strings.Builder, synopsis, about string) {
	const usageWidth, usageAbout = 84, 46
	name, _, _ := strings.Cut(synopsis, " -")
	indent := strings.Repeat(" ", 2+len(name)+1) // continuation lines start under the first flag
	line := "  "
	for i, word := range synopsisWords(synopsis) {
		if i > 0 && len(line)+1+len(word) > usageWidth {
			b.WriteString(line + "\n")
			line = indent + word
			continue
		}
		if i > 0 {
			line += " "
		}
		line += word
	}
	switch {
	case about == "":
		b.WriteString(line + "\n")
	case len(line) < usageAbout-1:
		b.WriteString(line + strings.Repeat(" ", usageAbout-len(line)) + about + "\n")
	default:
		b.WriteString(line + "\n" + strings.Repeat(" ", usageAbout) + about + "\n")
	}
}

// synopsisWords splits a synopsis into the pieces a line may break between: words, and each
// bracketed group ("[--as-at YYYY-MM-DD]") or flag with its value ("-o OUT.pdf") whole.
func synopsisWords(s string) []string {
	var words []string
	for _, f := range strings.Fields(s) {
		n := len(words)
		switch {
		case n > 0 && strings.Count(words[n-1], "[") > strings.Count(words[n-1], "]"):
			words[n-1] += " " + f // inside a bracketed group
		case n > 0 && strings.HasPrefix(words[n-1], "-") && !strings.Contains(words[n-1], " ") && !strings.HasPrefix(f, "-") && !strings.HasPrefix(f, "["):
			words[n-1] += " " + f // a flag's value
		default:
			words = append(words, f)
		}
	}
	return words
}

// Sentence makes an error read as one sentence for the clerk: the sentinel's words that
// wrap it are dropped, the first word is capitalised (unless it is a file name) and it ends
// with a full stop.
func Sentence(err error) string {
	s := data.Words(errors.New(strings.TrimSuffix(err.Error(), ": "+errUsage.Error())))
	if s == "" {
		return "Something went wrong."
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	// Capitalise a leading word, but never a file name ("x.db is not…").
	first, _, _ := strings.Cut(s, " ")
	if !strings.ContainsAny(first, "./\\") && s[0] >= 'a' && s[0] <= 'z' {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

func usageError(format string, args ...any) error {
	return fmt.Errorf(format+": %w", append(args, errUsage)...)
}

// noArgs is the check of a command that takes flags only.
func noArgs(args []string) error {
	if len(args) > 0 {
		return usageError("unexpected %q", args[0])
	}
	return nil
}

// dbFlag registers --db, which every command takes.
func dbFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.db, "db", data.DefaultDatabase(), "the database file")
}

// openExisting opens a database that must already exist, to read it only: dump, exports and
// backups never create, upgrade or otherwise change the file they read.
func openExisting(path string) (*data.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("there is no database at %s", path)
	}
	return data.OpenReadOnly(path)
}
