/**
 * Rows that could not be read: each entry selects its cell on the sheet (services.selectCell). The entries are one tab
 * stop with arrow keys between them (roving tabindex, ./roving), so fifty issues are not fifty tab stops.
 */
import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import type { PaneIssue } from "../services";
import { fill, pick } from "../strings";
import { useRovingFocus } from "./roving";

const MAX_SHOWN = 50;

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: { display: "flex", flexDirection: "column" },
  value: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface IssuesListProps {
  readonly issues: readonly PaneIssue[];
  readonly onSelect: (address: string) => void;
}

export function IssuesList({ issues, onSelect }: IssuesListProps) {
  const { lang, s } = usePane();
  const styles = useStyles();
  const shown = issues.slice(0, MAX_SHOWN);
  // The k-th entry that selects a cell is roving item k.
  const linked: number[] = [];
  shown.forEach((issue, i) => {
    if (issue.address) linked.push(i);
  });
  const roving = useRovingFocus(linked.length);
  if (issues.length === 0) return <Text size={200}>{s.issuesNone}</Text>;
  return (
    <>
      <ul className={styles.list}>
        {shown.map((issue, i) => {
          const where =
            issue.row > 0
              ? fill(s.issueWhere, { row: String(issue.row), column: issue.column || "–" })
              : s.issueSheetWide;
          const reason = pick(issue.reason, lang);
          return (
            <li key={`${issue.row}-${issue.column}-${i}`} className={styles.item}>
              {issue.address ? (
                <Link
                  as="button"
                  {...roving.itemProps(linked.indexOf(i))}
                  onClick={() => onSelect(issue.address as string)}
                  aria-label={fill(s.issueSelect, { address: issue.address, reason })}
                >
                  {where}
                </Link>
              ) : (
                <Text size={200} weight="semibold">
                  {where}
                </Text>
              )}
              <Text size={200}>{reason}</Text>
              {issue.value ? (
                <Text size={100} className={styles.value}>
                  “{issue.value}”
                </Text>
              ) : null}
            </li>
          );
        })}
      </ul>
      {issues.length > MAX_SHOWN ? (
        <Text size={200}>{fill(s.issuesMore, { n: issues.length - MAX_SHOWN })}</Text>
      ) : null}
    </>
  );
}
