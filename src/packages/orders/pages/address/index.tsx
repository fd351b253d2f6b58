import { useEffect, useRef, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { AddressInput } from '~/types/addresses';
import { useAddressStore } from '~/src/stores/addresses';
import type { Failure } from '~/src/stores/outcome';
import { useCheckoutStore } from '~/src/stores/checkout';
import { useMemberStore } from '~/src/stores/member';
import type { AddressField } from '~/src/packages/orders/address-rules';
import { ADDRESS_FIELDS, checkAddress, draftOf, EMPTY_DRAFT, inputOf, toShippingAddress } from '~/src/packages/orders/address-rules';
import { RegionPicker } from '~/src/packages/orders/components/region-picker';
import { newClientKey } from '~/src/utils/client-key';
import { actionErrorText } from '~/src/utils/error-text';
import { regionText } from '~/core/members/address-book';
import { pickWechatAddress } from '~/src/packages/orders/wechat-address';
import './index.scss';

const PLACEHOLDERS: Record<Exclude<AddressField, 'region'>, string> = {
  name: '收货人姓名',
  phone: '11位手机号',
  detail: '街道、楼栋、门牌号',
};

/** The server's field prefix (`detail: 请填写…`) is for developers; the member reads the sentence. */
function refusalText(failure: Failure): string {
  const field = failure.error?.details?.field;
  const text = actionErrorText(failure);
  return typeof field === 'string' && text.startsWith(`${field}: `) ? text.slice(field.length + 2) : text;
}

/**
 * One delivery address. A member's is saved to their address book (`id` edits one of it);
 * a guest's is kept on this device. `choose=1`: opened from checkout, so the saved address is
 * used for the order.
 */
export default function AddressPage() {
  const { params } = useRouter();
  // Ids are `<memberId>:<key>`; a router that hands the query over still encoded is undone here.
  const editId = params.id ? decodeURIComponent(params.id) : null;
  const choosing = params.choose === '1';
  const memberStatus = useMemberStore((s) => s.status);
  const book = useAddressStore((s) => s.book);
  const saving = useAddressStore((s) => s.saving);
  const member = memberStatus === 'member';

  const [draft, setDraft] = useState<AddressInput>(() => {
    const { prefill, book: loaded } = useAddressStore.getState();
    const editing = editId ? loaded.data?.items.find((item) => item.id === editId) : undefined;
    if (editing) return inputOf(editing);
    if (prefill) return prefill;
    const kept = useCheckoutStore.getState().address;
    // A guest edits their one address; a member adding their first one at checkout starts from the one this device kept.
    return !editId && kept && (choosing || useMemberStore.getState().status !== 'member') ? draftOf(kept) : EMPTY_DRAFT;
  });
  const [problem, setProblem] = useState<{ field: AddressField | null; message: string } | null>(null);
  const [picking, setPicking] = useState(false);
  // One key for everything this form saves as new, so a retried 保存 adds the address once.
  const clientKey = useRef(newClientKey());

  useEffect(() => {
    useAddressStore.getState().setPrefill(null);
    if (useMemberStore.getState().status === 'idle') void useMemberStore.getState().load();
    if (editId && !useAddressStore.getState().book.data) void useAddressStore.getState().load();
  }, [editId]);

  // Opened straight at an address (say, after a restart): fill the form once the book arrives.
  const editing = editId ? book.data?.items.find((item) => item.id === editId) : undefined;
  const filled = useRef(false);
  useEffect(() => {
    if (!editing || filled.current) return;
    filled.current = true;
    setDraft((current) => (current === EMPTY_DRAFT ? inputOf(editing) : current));
  }, [editing]);

  const change = (fields: Partial<AddressInput>, field: AddressField) => {
    setDraft((current) => ({ ...current, ...fields }));
    if (problem?.field === field) setProblem(null);
  };

  const save = async () => {
    if (saving) return;
    const checked = checkAddress(draft);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      return;
    }
    if (memberStatus !== 'member' && memberStatus !== 'guest') {
      // Until the server says whether this is a member, it is unknown where the address belongs.
      setProblem({ field: null, message: '正在确认会员身份，请稍候再保存' });
      if (memberStatus !== 'loading') void useMemberStore.getState().load();
      return;
    }
    if (!member) {
      useCheckoutStore.getState().setAddress(toShippingAddress(checked.address));
      void Taro.navigateBack();
      return;
    }
    const store = useAddressStore.getState();
    const outcome = editId ? await store.update(editId, checked.address) : await store.add(checked.address, clientKey.current);
    if (!outcome.ok) {
      // Everything typed stays in the form; only the reason is shown.
      setProblem({ field: null, message: refusalText(outcome) });
      return;
    }
    if (choosing) useCheckoutStore.getState().chooseAddress(toShippingAddress(outcome.value));
    void Taro.navigateBack();
  };

  const fromWechat = async () => {
    // Closing WeChat's list keeps what is in the form.
    const picked = await pickWechatAddress();
    if (!picked) return;
    setDraft(picked);
    setProblem(null);
  };

  const region = regionText(draft.province, draft.city, draft.district);

  return (
    <View className="address-page">
      {process.env.TARO_ENV === 'weapp' ? (
        <View className="address-page__wechat" onClick={() => void fromWechat()}>
          <Text>使用微信收货地址</Text>
        </View>
      ) : null}
      <View className="address-form">
        {ADDRESS_FIELDS.map(({ field, label }) => (
          <View key={field} className={`address-form__row address-${field}${problem?.field === field ? ' address-form__row--wrong' : ''}`}>
            <Text className="address-form__label">{label}</Text>
            {field === 'region' ? (
              <View className="address-form__input address-form__picker address-region-pick" onClick={() => setPicking(true)}>
                <Text className={region ? 'address-region-text' : 'address-form__placeholder'}>{region || '请选择省 / 市 / 区'}</Text>
                <Text className="address-form__arrow">›</Text>
              </View>
            ) : field === 'detail' ? (
              <Textarea
                className="address-form__input address-form__input--area"
                value={draft.detail}
                placeholder={PLACEHOLDERS.detail}
                maxlength={120}
                autoHeight
                onInput={(event) => change({ detail: event.detail.value }, 'detail')}
              />
            ) : (
              <Input
                className="address-form__input"
                type={field === 'phone' ? 'number' : 'text'}
                value={draft[field]}
                placeholder={PLACEHOLDERS[field]}
                maxlength={field === 'phone' ? 11 : 20}
                onInput={(event) => change({ [field]: event.detail.value }, field)}
              />
            )}
          </View>
        ))}
      </View>
      {problem ? <Text className="address-page__problem address-problem">{problem.message}</Text> : null}
      {member ? null : <Text className="address-page__note">地址仅保存在本机，用于下次下单时自动填写；加入会员后可保存多个地址</Text>}
      <View className={`address-page__save address-save${saving ? ' address-page__save--busy' : ''}`} onClick={() => void save()}>
        <Text>{saving ? '正在保存…' : member ? '保存' : '保存并使用'}</Text>
      </View>
      <RegionPicker visible={picking} value={draft} onChange={(choice) => change(choice, 'region')} onClose={() => setPicking(false)} />
    </View>
  );
}
