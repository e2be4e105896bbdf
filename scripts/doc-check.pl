#!/usr/bin/perl
# Runs the examples in doc/*.md and checks that they print what the docs say,
# and that every user-facing function and aggregate has an example.
#
#   perl scripts/doc-check.pl [--fix] doc/*.md     (inside pg_virtualenv)
#
# An example is a ```sql block followed by a ```text block with its output.
# The blocks of one file run in order in a fresh database with styring and
# search_path = public, styring. --fix rewrites the text blocks.
use strict;
use warnings;

my $fix = @ARGV && $ARGV[0] eq '--fix' ? shift @ARGV : 0;
my ($failed, $run) = (0, 0);
my %covered;


sub run_psql {
    my ($db, $sql, @opts) = @_;
    my $pid = open(my $fh, '-|') // die "fork: $!";
    if ($pid == 0) {
        open(STDERR, '>&', \*STDOUT);
        $ENV{PGOPTIONS} = '-c search_path=public,styring -c extra_float_digits=0';
        exec('psql', '-X', '-q', '-P', 'footer=off', @opts, '-d', $db, '-c', $sql) or exit 127;
    }
    my $out = do { local $/; <$fh> };
    close $fh;
    return $out // '';
}

for my $file (@ARGV) {
    (my $db = "doc_" . $file) =~ s/[^a-z0-9_]/_/gi;
    system("dropdb --if-exists $db 2>/dev/null");
    system('createdb', $db) == 0 or die "createdb $db failed\n";
    run_psql($db, 'CREATE EXTENSION styring');

    open(my $in, '<', $file) or die "$file: $!";
    my @lines = <$in>;
    close $in;
    my @out;
    for (my $i = 0; $i < @lines; $i++) {
        if ($lines[$i] =~ /^```sql\s*$/) {
            my $sql = '';
            push @out, $lines[$i++];
            while ($i < @lines && $lines[$i] !~ /^```\s*$/) { $sql .= $lines[$i]; push @out, $lines[$i++]; }
            push @out, $lines[$i];
            $covered{lc $1} = 1 while $sql =~ /(?:styring\.)?([a-z_0-9]+)\s*\(/gi;
            next unless $i + 1 < @lines && $lines[$i + 1] =~ /^```text\s*$/;
            $i++;
            push @out, $lines[$i++];
            my $want = '';
            while ($i < @lines && $lines[$i] !~ /^```\s*$/) { $want .= $lines[$i++]; }
            my $got = run_psql($db, $sql);
            $got =~ s/\n+\z/\n/;
            $run++;
            if ($got ne $want) {
                $failed++ unless $fix;
                print STDERR "doc example in $file does not print what the docs say:\n$sql--- docs:\n$want--- got:\n$got\n" unless $fix;
            }
            push @out, $fix ? $got : $want;
            push @out, $lines[$i];
            next;
        }
        push @out, $lines[$i];
    }
    if ($fix) { open(my $o, '>', $file) or die; print $o @out; close $o; }
    system('dropdb', $db);
}

# Every user-facing function and aggregate: not a type's I/O, an operator's
# implementation or estimator, an index or planner support function, an aggregate's
# helper or a trigger.
my $db = 'doc_coverage';
system("dropdb --if-exists $db 2>/dev/null");
system('createdb', $db) == 0 or die;
run_psql($db, 'CREATE EXTENSION styring');
my $names = run_psql($db, <<'SQL', '-A', '-t');
SELECT DISTINCT p.proname FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'styring'
WHERE p.oid NOT IN (SELECT unnest(ARRAY[typinput, typoutput, typreceive, typsend]) FROM pg_type)
  AND p.oid NOT IN (SELECT unnest(ARRAY[oprcode, oprrest, oprjoin]) FROM pg_operator)
  AND p.oid NOT IN (SELECT prosupport FROM pg_proc)
  AND p.prorettype <> 'trigger'::regtype
  AND p.oid NOT IN (SELECT amproc FROM pg_amproc)
  AND p.oid NOT IN (SELECT unnest(ARRAY[aggtransfn, aggcombinefn, aggfinalfn, aggserialfn, aggdeserialfn,
                                        aggmtransfn, aggminvtransfn, aggmfinalfn]) FROM pg_aggregate)
ORDER BY 1;
SQL
system('dropdb', $db);
my @names = grep { length } split /\n/, $names;
die "could not list the extension's functions\n" unless @names;
my @missing = grep { !$covered{$_} } @names;
if (@missing) {
    print STDERR "no runnable example in doc/ for: @missing\n";
    $failed++;
}
print "doc examples: $run run, " . scalar(@names) . " functions and aggregates with examples, " . ($fix ? "rewritten" : "$failed failed") . "\n";
exit($failed ? 1 : 0);
