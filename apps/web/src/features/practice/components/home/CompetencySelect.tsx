import { type Competency, competencySchema } from "@loopwright/schema";
import type { Ref } from "react";
import { CompetencyOptions } from "../../../../components/CompetencyOptions";
import type { FieldControlProps } from "../../../../ui/Field";

/** A drop-down of the competencies, for a ui/Field (its props carry the id and descriptions). */
export function CompetencySelect({
  control,
  value,
  onChange,
  ref,
}: {
  control: FieldControlProps;
  value: Competency;
  onChange: (competency: Competency) => void;
  ref?: Ref<HTMLSelectElement>;
}) {
  return (
    <div className="select">
      <select
        {...control}
        ref={ref}
        value={value}
        onChange={(event) => {
          const parsed = competencySchema.safeParse(event.target.value);
          if (parsed.success) onChange(parsed.data);
        }}
      >
        <CompetencyOptions />
      </select>
    </div>
  );
}
