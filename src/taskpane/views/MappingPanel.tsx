/**
 * The detected column mapping of the active sheet: one dropdown per role (native `<select>` through Fluent
 * `Select`, keyboard and screen-reader friendly). Each change is reported at once (the pane saves it in the
 * workbook); problems that stop scoring are listed above the dropdowns.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ROLE_NAMES, type ColumnMapping, type Role } from "../../engine/sheet/types";
import { usePane } from "../context";
import { MAPPABLE_ROLES, type MappingInfo } from "../services";
import { fill, pick } from "../strings";
import { useViewStyles } from "../styles";

const useStyles = makeStyles({
  // A small badge has a fixed one-line height: in a 320–350 px pane its text wraps, so let it grow with the text
  // (it overflowed its own border and read as struck through).
  badge: {
    marginInlineStart: tokens.spacingHorizontalS,
    height: "auto",
    minHeight: "16px",
    whiteSpace: "normal",
    lineHeight: tokens.lineHeightBase100,
  },
});

const REQUIRED: ReadonlySet<Role> = new Set<Role>(["customer"]);

export interface MappingPanelProps {
  readonly info: MappingInfo;
  /** Problems of the current mapping (computed by the caller with the engine's validateMapping). */
  readonly problems: readonly { en: string; zh: string }[];
  /** Whether the panel is open (the Score view opens it when it must ask, or on "Change columns"). */
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onChange: (mapping: ColumnMapping) => void;
}

/** The mapping with `role` moved to `column` (or removed with null); another role on that column is unmapped. */
export function remapRole(mapping: ColumnMapping, role: Role, column: number | null): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [r, c] of Object.entries(mapping) as [Role, number][]) {
    if (r !== role && c !== column) next[r] = c;
  }
  if (column !== null) next[role] = column;
  return next;
}

/** "Customer A, Due date C, Amount D": the roles the mapping uses with their column letters, in role order. */
export function mappingText(info: MappingInfo, lang: "en-US" | "zh-CN"): string {
  const short = lang === "zh-CN" ? "zh" : "en";
  const letters = new Map(info.columns.map((c) => [c.index, c.letter]));
  return MAPPABLE_ROLES.filter((r) => info.mapping[r] !== undefined && info.mapping[r] !== null)
    .map((r) => `${ROLE_NAMES[r][short]} ${letters.get(info.mapping[r]!) ?? "?"}`)
    .join(short === "zh" ? "、" : ", ");
}

export function MappingPanel({ info, problems, open, onOpenChange, onChange }: MappingPanelProps) {
  const { lang, s } = usePane();
  const styles = { ...useViewStyles(), ...useStyles() };
  const short = lang === "zh-CN" ? "zh" : "en";
  return (
    <Accordion collapsible openItems={open ? ["mapping"] : []} onToggle={() => onOpenChange(!open)}>
      <AccordionItem value="mapping">
        <AccordionHeader as="h3" size="small">
          {s.mappingHeading} · {info.sheet}
          <Badge
            className={styles.badge}
            appearance="tint"
            color={info.saved ? "success" : "informative"}
            size="small"
          >
            {info.saved ? s.mappingSaved : s.mappingDetected}
          </Badge>
        </AccordionHeader>
        <AccordionPanel>
          <div className={styles.section}>
            <Text size={200} className={styles.muted}>
              {s.mappingIntro}
            </Text>
            {problems.map((p, i) => (
              <MessageBar key={`p${i}`} intent="warning">
                <MessageBarBody>{pick(p, lang)}</MessageBarBody>
              </MessageBar>
            ))}
            {info.notes.map((n, i) => (
              <Text key={`n${i}`} size={200} className={styles.muted}>
                {pick(n, lang)}
              </Text>
            ))}
            <div className={styles.grid2}>
              {MAPPABLE_ROLES.map((role) => {
                const value = info.mapping[role];
                const label = ROLE_NAMES[role][short] + (REQUIRED.has(role) ? ` (${s.mappingRequired})` : "");
                return (
                  <Field key={role} label={label} size="small">
                    <Select
                      size="small"
                      value={value === undefined ? "" : String(value)}
                      onChange={(_, data) =>
                        onChange(remapRole(info.mapping, role, data.value === "" ? null : Number(data.value)))
                      }
                    >
                      <option value="">{s.mappingNotUsed}</option>
                      {info.columns.map((c) => (
                        <option key={c.index} value={String(c.index)}>
                          {fill(s.columnOption, { letter: c.letter, header: c.header || "—" })}
                        </option>
                      ))}
                    </Select>
                  </Field>
                );
              })}
            </div>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
