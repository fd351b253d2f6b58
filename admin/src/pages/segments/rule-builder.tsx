import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import type { ConditionDraft, ConditionType, GroupDraft, RuleDraft } from './rule-draft';
import { CONDITION_TYPES, FIXED_CHOICES, conditionOf, newCondition, newGroup } from './rule-draft';

/** Choices loaded from the programme's lists: tiers, stores and categories. */
export interface RuleChoices {
  tiers: { value: string; label: string }[];
  stores: { value: string; label: string }[];
  categories: { value: string; label: string }[];
  /** Special tag definitions (archived ones too, so a saved rule still reads by name). */
  tags: { tagId: string; name: string; values: string[]; archived: boolean }[];
}

const JOIN_TEXT = { and: '且（全部满足）', or: '或（满足其一）' } as const;
const MONTHS = Array.from({ length: 12 }, (_v, i) => ({ value: i + 1, label: `${i + 1} 月` }));
const TYPE_OPTIONS = (Object.keys(CONDITION_TYPES) as ConditionType[]).map((type) => ({ value: type, label: CONDITION_TYPES[type].label }));

function ConditionRow({
  draft,
  choices,
  onChange,
  onRemove,
}: {
  draft: ConditionDraft;
  choices: RuleChoices;
  onChange: (draft: ConditionDraft) => void;
  onRemove: () => void;
}) {
  const info = CONDITION_TYPES[draft.type];
  const listChoices =
    draft.type === 'tierId'
      ? choices.tiers
      : draft.type === 'homeStoreId'
        ? choices.stores
        : draft.type === 'preferredCategory'
          ? choices.categories
          : FIXED_CHOICES[draft.type];
  let editor;
  if (info.kind === 'list') {
    editor = (
      <Select
        className="condition-values"
        mode={listChoices ? 'multiple' : 'tags'}
        style={{ minWidth: 240 }}
        placeholder={listChoices ? '请选择' : '输入后回车，可填多个'}
        options={listChoices}
        value={draft.values}
        onChange={(values: string[]) => onChange({ ...draft, values })}
      />
    );
  } else if (info.kind === 'special') {
    const picked = choices.tags.find((tag) => tag.tagId === draft.tagId);
    const tagOptions = choices.tags
      .filter((tag) => !tag.archived || tag.tagId === draft.tagId)
      .map((tag) => ({ value: tag.tagId, label: tag.archived ? `${tag.name}（已归档）` : tag.name }));
    // A saved rule naming a tag that is no longer defined still shows (and keeps) what it names.
    if (draft.tagId && !picked) tagOptions.push({ value: draft.tagId, label: draft.tagId });
    const valueOptions = (picked?.values ?? draft.values).map((value) => ({ value, label: value }));
    editor =
      tagOptions.length === 0 ? (
        <Typography.Text className="condition-no-tags" type="secondary">
          还没有特殊标签，请先在「标签」页创建
        </Typography.Text>
      ) : (
        <Space>
          <Select
            className="condition-tag"
            style={{ width: 160 }}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择标签"
            options={tagOptions}
            value={draft.tagId || undefined}
            onChange={(tagId: string) => onChange({ ...draft, tagId, values: [] })}
          />
          <Select
            className="condition-values"
            mode="multiple"
            style={{ minWidth: 200 }}
            placeholder={draft.tagId ? '选择标签值，可多选' : '请先选择标签'}
            disabled={!draft.tagId}
            options={valueOptions}
            value={draft.values}
            onChange={(values: string[]) => onChange({ ...draft, values })}
          />
        </Space>
      );
  } else if (info.kind === 'birthdayMonth') {
    editor = (
      <Select
        className="condition-months"
        mode="multiple"
        style={{ minWidth: 240 }}
        placeholder="请选择月份"
        options={MONTHS}
        value={draft.months}
        onChange={(months: number[]) => onChange({ ...draft, months })}
      />
    );
  } else if (info.kind === 'range') {
    editor = (
      <Space>
        <InputNumber<number>
          className="condition-min"
          min={0}
          precision={info.yuan ? 2 : 0}
          placeholder="不限"
          value={draft.min}
          onChange={(min) => onChange({ ...draft, min: min ?? null })}
        />
        <span>至</span>
        <InputNumber<number>
          className="condition-max"
          min={0}
          precision={info.yuan ? 2 : 0}
          placeholder="不限"
          value={draft.max}
          onChange={(max) => onChange({ ...draft, max: max ?? null })}
        />
        <span>{info.unit}</span>
        {draft.type === 'lastPurchaseDays' ? <Typography.Text type="secondary">从未消费的会员算作天数无限大</Typography.Text> : null}
      </Space>
    );
  } else {
    editor = (
      <Switch
        className="condition-flag"
        checkedChildren="是"
        unCheckedChildren="否"
        checked={draft.flag}
        onChange={(flag) => onChange({ ...draft, flag })}
      />
    );
  }
  const incomplete = conditionOf(draft) === null;
  return (
    <Flex className="condition-row" gap={8} align="center" wrap>
      <Select
        className="condition-type"
        style={{ width: 220 }}
        showSearch={{ optionFilterProp: 'label' }}
        options={TYPE_OPTIONS}
        value={draft.type}
        onChange={(type: ConditionType) => onChange({ ...newCondition(type), key: draft.key })}
      />
      {editor}
      {incomplete ? <Typography.Text type="warning">未填完，暂不生效</Typography.Text> : null}
      <Button className="condition-remove" type="text" icon={<DeleteOutlined />} aria-label="删除条件" onClick={onRemove} />
    </Flex>
  );
}

function GroupCard({
  group,
  index,
  choices,
  onChange,
  onRemove,
}: {
  group: GroupDraft;
  index: number;
  choices: RuleChoices;
  onChange: (group: GroupDraft) => void;
  onRemove: () => void;
}) {
  const setConditions = (conditions: ConditionDraft[]) => onChange({ ...group, conditions });
  return (
    <Card
      className="rule-group"
      size="small"
      title={`条件组 ${index + 1}`}
      extra={
        <Space>
          <Radio.Group
            className="group-join"
            size="small"
            optionType="button"
            value={group.join}
            options={[
              { value: 'and', label: JOIN_TEXT.and },
              { value: 'or', label: JOIN_TEXT.or },
            ]}
            onChange={(event) => onChange({ ...group, join: event.target.value as 'and' | 'or' })}
          />
          <Button className="group-remove" size="small" type="text" danger onClick={onRemove}>
            删除条件组
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={8}>
        {group.conditions.map((condition, i) => (
          <ConditionRow
            key={condition.key}
            draft={condition}
            choices={choices}
            onChange={(changed) => setConditions(group.conditions.map((c, j) => (j === i ? changed : c)))}
            onRemove={() => {
              const rest = group.conditions.filter((_c, j) => j !== i);
              if (rest.length === 0) onRemove();
              else setConditions(rest);
            }}
          />
        ))}
        <Button
          className="condition-add"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => setConditions([...group.conditions, newCondition()])}
        >
          添加条件
        </Button>
      </Flex>
    </Card>
  );
}

/** 分群规则: groups of conditions, joined within a group and between groups by 且 / 或. No groups: every member with a profile. */
export function RuleBuilder({
  draft,
  choices,
  onChange,
}: {
  draft: RuleDraft;
  choices: RuleChoices;
  onChange: (draft: RuleDraft) => void;
}) {
  return (
    <Flex className="rule-builder" vertical gap={12}>
      <Space>
        <span>条件组之间：</span>
        <Radio.Group
          className="rule-join"
          optionType="button"
          value={draft.join}
          options={[
            { value: 'and', label: JOIN_TEXT.and },
            { value: 'or', label: JOIN_TEXT.or },
          ]}
          onChange={(event) => onChange({ ...draft, join: event.target.value as 'and' | 'or' })}
        />
      </Space>
      {draft.groups.length === 0 ? <Typography.Text type="secondary">还没有条件：包含全部已生成画像的会员</Typography.Text> : null}
      {draft.groups.map((group, i) => (
        <GroupCard
          key={group.key}
          group={group}
          index={i}
          choices={choices}
          onChange={(changed) => onChange({ ...draft, groups: draft.groups.map((g, j) => (j === i ? changed : g)) })}
          onRemove={() => onChange({ ...draft, groups: draft.groups.filter((_g, j) => j !== i) })}
        />
      ))}
      <Button
        className="group-add"
        icon={<PlusOutlined />}
        disabled={draft.groups.length >= 10}
        onClick={() => onChange({ ...draft, groups: [...draft.groups, newGroup()] })}
      >
        添加条件组
      </Button>
    </Flex>
  );
}
