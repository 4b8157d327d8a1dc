import type { ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';

/** The console's edit drawer: title, 取消 / 保存 (submitting the form), and a hook for when it has closed. */
export function EditDrawer({
  title,
  open,
  onClose,
  width,
  saving,
  onSave,
  onClosed,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  width: number;
  saving: boolean;
  onSave: () => void;
  onClosed?: () => void;
  children: ReactNode;
}) {
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={Math.min(width, window.innerWidth)}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) onClosed?.();
      }}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={onSave}>
            保存
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
