import * as RadixTabs from "@radix-ui/react-tabs";
import type { ReactNode } from "react";
import "./Tabs.css";

export interface TabSpec {
  id: string;
  label: ReactNode;
  panel: ReactNode;
}

/**
 * WAI-ARIA tabs: one tab stop for the list, arrow keys (and Home/End) move
 * between tabs and select them, the panel follows in the tab order. Only the
 * selected panel is rendered.
 */
export function Tabs({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: TabSpec[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
}) {
  const current = tabs.some((t) => t.id === selected) ? selected : tabs[0]?.id;
  return (
    <RadixTabs.Root className="ui-tabs" value={current} onValueChange={onSelect}>
      <RadixTabs.List aria-label={label} className="ui-tabs__list">
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.id} value={tab.id} className="ui-tabs__tab">
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.id} value={tab.id} className="ui-tabs__panel">
          {tab.panel}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
